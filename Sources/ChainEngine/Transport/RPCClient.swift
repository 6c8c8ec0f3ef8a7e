import NIOCore
import NIOPosix
import NIOSSL
import WSClient
import WSCompression
enum P {}
