#!/usr/bin/env python3
"""Writes hks's activity CSV for the ledger benchmark: SYMBOLS symbols over YEARS years of HKEX weekdays, ACTIVITIES
activities in all (buys and sells that never sell more than is held, cash dividends, a bonus issue and a split now
and then, deposits) on HKEX trading days (weekdays that are not in HOLIDAYS, hks's own calendar file); the costs of
a trade from 2021-08-01 left empty so hks works out Hong Kong's, those of an earlier trade written as a contract note
of the time would show them (stamp duty 0.1% rounded up to the dollar, SFC levy 0.0027%, trading fee 0.005%, CCASS
0.002% between HK$2 and HK$100); and the daily closes of every symbol and of 2800.HK as a CSV for COPY into
daily_bars. Deterministic: the same arguments write the same files.
Usage: make-activities.py ACTIVITIES SYMBOLS YEARS ACTIVITIES.csv BARS.csv HOLIDAYS"""
import csv, datetime, math, random, sys
from decimal import Decimal, ROUND_HALF_UP

activities, symbols, years = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
activities_path, bars_path, holidays_path = sys.argv[4], sys.argv[5], sys.argv[6]
with open(holidays_path) as lines:
    holidays = {datetime.date.fromisoformat(line.split()[0]) for line in lines if line.strip() and not line.startswith("#")}
rng = random.Random(20261203)
end = datetime.date(2026, 11, 30)
start = end - datetime.timedelta(days=365 * years)
days = [start + datetime.timedelta(days=i) for i in range((end - start).days + 1)]
days = [d for d in days if d.weekday() < 5 and d not in holidays]
schedule_starts = datetime.date(2021, 8, 1)
codes = [f"{1000 + i * 7:04d}.HK" for i in range(symbols)]

closes = {}
for code in codes + ["2800.HK"]:
    price, series = rng.uniform(5, 400), []
    for _ in days:
        price = max(0.5, price * (1 + rng.gauss(0.0002, 0.015)))
        series.append(round(price, 2))
    closes[code] = series

with open(bars_path, "w", newline="") as out:
    w = csv.writer(out)
    for code, series in closes.items():
        for day, close in zip(days, series):
            w.writerow([code, day.isoformat(), close, close, close, close, 100000, "bench"])

def cents(value):
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def contract_note_costs(consideration):
    """stamp_duty, sfc_levy, afrc_levy, trading_fee, settlement_fee, commission before 2021-08-01."""
    settlement = cents(min(Decimal(100), max(Decimal(2), consideration * Decimal("0.00002"))))
    return [f"{math.ceil(consideration * Decimal('0.001'))}.00", str(cents(consideration * Decimal("0.000027"))), "0.00",
            str(cents(consideration * Decimal("0.00005"))), str(settlement), "0.00"]


held = {code: 0 for code in codes}
rows = []
per_day = activities / len(days)
carry = 0.0
for index, day in enumerate(days):
    carry += per_day
    while carry >= 1 and len(rows) < activities:
        carry -= 1
        code = rng.choice(codes)
        price = closes[code][index]
        roll = rng.random()
        if roll < 0.005 and held[code] > 0:
            rows.append([day, "split", code, "", "", "", "1:2"])
            held[code] *= 2
        elif roll < 0.01 and held[code] > 0:
            bonus = max(1, held[code] // 10)
            rows.append([day, "bonus", code, bonus, "", "", ""])
            held[code] += bonus
        elif roll < 0.06 and held[code] > 0:
            rows.append([day, "dividend", code, "", "", f"{held[code] * price * 0.02:.2f}", ""])
        elif roll < 0.07:
            rows.append([day, "deposit", "", "", "", f"{rng.randint(1, 100) * 1000}.00", ""])
        elif roll < 0.45 and held[code] > 0:
            quantity = rng.randint(1, held[code] // 100 + 1) * 100 if held[code] >= 100 else held[code]
            quantity = min(quantity, held[code])
            rows.append([day, "sell", code, quantity, f"{price:.2f}", "", ""])
            held[code] -= quantity
        else:
            quantity = rng.randint(1, 20) * 100
            rows.append([day, "buy", code, quantity, f"{price:.2f}", "", ""])
            held[code] += quantity

with open(activities_path, "w", newline="") as out:
    w = csv.writer(out)
    w.writerow(["date", "type", "symbol", "quantity", "price", "amount", "currency", "fx_rate", "ratio", "stamp_duty", "sfc_levy",
                "afrc_levy", "trading_fee", "settlement_fee", "commission", "note"])
    for day, kind, code, quantity, price, amount, ratio in rows:
        costs = ["", "", "", "", "", ""]
        if kind in ("buy", "sell") and day < schedule_starts:
            costs = contract_note_costs(Decimal(quantity) * Decimal(price))
        w.writerow([day.isoformat(), kind, code, quantity, price, amount, "HKD", "", ratio, *costs, ""])
print(f"{len(rows)} activities, {len(days) * (len(codes) + 1)} closes")
