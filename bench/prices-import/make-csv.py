#!/usr/bin/env python3
"""Writes a price CSV (Date,Open,High,Low,Close,Volume,Symbol) of SYMBOLS x DAYS seeded random-walk bars."""
import datetime
import random
import sys

symbols, days, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(20261125)
start = datetime.date(2000, 1, 3)
dates = []
day = start
while len(dates) < days:
    if day.weekday() < 5:
        dates.append(day.isoformat())
    day += datetime.timedelta(days=1)
with open(path, "w") as out:
    out.write("Date,Open,High,Low,Close,Volume,Symbol\n")
    for s in range(symbols):
        symbol = f"{1000 + s:04d}.HK"
        price = 20 + rng.random() * 200
        for d in dates:
            o = price * (1 + (rng.random() - 0.5) * 0.01)
            c = max(0.5, price * (1 + (rng.random() - 0.5) * 0.04))
            h = max(o, c) * (1 + rng.random() * 0.01)
            l = min(o, c) * (1 - rng.random() * 0.01)
            out.write(f"{d},{o:.3f},{h:.3f},{l:.3f},{c:.3f},{int(100000 + rng.random() * 900000)},{symbol}\n")
            price = c
