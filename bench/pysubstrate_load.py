#!/usr/bin/env python3
"""The py-substrate-interface side of the engine benchmark (issue 6).

Reads, at the finalized head of the node at URL, the storage khalatop's
engine loads for a whole fleet: PhalaRegistry.Workers,
PhalaComputation.WorkerBindings/Sessions/Stakes, PhalaStakePoolv2.WorkerAssignments
and PhalaBasePool.Pools with query_map (page_size=1000), and the chain
parameters with query. Metadata is loaded before the clock starts, so only
the storage reads are timed, as the engine's "storage load" row is.

Prints "<milliseconds> <entries read>". `khalatop-bench engine` runs it
against the same devnet in the same run and reports the ratio.

    python3 bench/pysubstrate_load.py ws://127.0.0.1:9944
"""
import sys
import time

from substrateinterface import SubstrateInterface

MAPS = [
    ("PhalaRegistry", "Workers"),
    ("PhalaComputation", "WorkerBindings"),
    ("PhalaComputation", "Sessions"),
    ("PhalaComputation", "Stakes"),
    ("PhalaStakePoolv2", "WorkerAssignments"),
    ("PhalaBasePool", "Pools"),
]
VALUES = ["TokenomicParameters", "OnlineWorkers", "CoolDownPeriod", "HeartbeatPaused", "ExpectedHeartbeatCount"]


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: pysubstrate_load.py ws://HOST:PORT")
    s = SubstrateInterface(url=sys.argv[1], ss58_format=30)
    head = s.get_chain_finalised_head()
    s.init_runtime(block_hash=head)
    t0 = time.perf_counter()
    n = 0
    for pallet, entry in MAPS:
        for _key, _value in s.query_map(pallet, entry, block_hash=head, page_size=1000):
            n += 1
    for entry in VALUES:
        s.query("PhalaComputation", entry, block_hash=head)
    print((time.perf_counter() - t0) * 1000, n)


if __name__ == "__main__":
    main()
