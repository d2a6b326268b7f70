#!/usr/bin/env python3
"""Writes a portfolio document (hks-portfolio, version 1) of POSITIONS positions with rules, seeded, to PATH."""
import json
import random
import sys

positions, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(20261129)
rows = []
for code in range(1, positions + 1):
    cost = round(1 + rng.random() * 500, 3)
    rows.append({
        "symbol": f"{code:04d}.HK" if code < 10000 else f"{code:05d}.HK",
        "companyName": f"Company {code}", "sector": rng.choice(["Tech", "Financials", "Property", "Energy"]),
        "quantity": rng.randrange(100, 100000, 100), "averageCost": cost, "currentPrice": round(cost * (0.8 + rng.random() * 0.4), 3),
        "targetSell": round(cost * 1.3, 3), "stopLoss": round(cost * 0.8, 3),
    })
document = {"format": "hks-portfolio", "version": 1, "portfolio": {"portfolioId": "Large", "name": "Large"}, "positions": rows}
with open(path, "w") as out:
    json.dump(document, out, indent=2)
