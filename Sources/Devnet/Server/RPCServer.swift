import NIOCore
import NIOPosix
import NIOHTTP1
import NIOWebSocket
enum P {}
