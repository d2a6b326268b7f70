#!/usr/bin/env python3
"""The pandas reference for bench/indicators: the same indicators (and the same TXYZN conditions, vectorised) over
SYMBOLS x BARS generated daily bars, one DataFrame per symbol, as a pandas user would write them. Generation is not
timed. Prints: name, bars/s, seconds, peak RSS (MiB). Usage: pandas_reference.py [SYMBOLS] [BARS] [indicators|signals]
"""
import resource
import sys
import time

import numpy as np
import pandas as pd

symbols = int(sys.argv[1]) if len(sys.argv) > 1 else 2500
bars = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
mode = sys.argv[3] if len(sys.argv) > 3 else "signals"
rng = np.random.default_rng(20261125)


def generate():
    steps = 1 + (rng.random(bars) - 0.5) * 0.04
    close = np.maximum(0.5, (50 + rng.random() * 100) * np.cumprod(steps))
    previous = np.concatenate(([close[0]], close[:-1]))
    open_ = previous * (1 + (rng.random(bars) - 0.5) * 0.01)
    high = np.maximum(open_, close) * (1 + rng.random(bars) * 0.01)
    low = np.minimum(open_, close) * (1 - rng.random(bars) * 0.01)
    volume = 100_000 + rng.random(bars) * 900_000
    return pd.DataFrame({"Open": open_, "High": high, "Low": low, "Close": close, "Volume": volume})


def indicators(df):
    close, high, low = df["Close"], df["High"], df["Low"]
    out = pd.DataFrame(index=df.index)
    for n in (5, 20, 50):
        out[f"ema{n}"] = close.ewm(span=n, adjust=False, min_periods=n).mean()
    delta = close.diff()
    gain = delta.clip(lower=0).ewm(alpha=1 / 14, adjust=False, min_periods=14).mean()
    loss = (-delta).clip(lower=0).ewm(alpha=1 / 14, adjust=False, min_periods=14).mean()
    out["rsi14"] = 100 - 100 / (1 + gain / loss)
    previous = close.shift(1)
    tr = pd.concat([high - low, (high - previous).abs(), (low - previous).abs()], axis=1).max(axis=1).where(previous.notna())
    out["atr14"] = tr.ewm(alpha=1 / 14, adjust=False, min_periods=14).mean()
    macd = close.ewm(span=12, adjust=False).mean() - close.ewm(span=26, adjust=False).mean()
    out["macd"] = macd
    out["macdSignal"] = macd.ewm(span=9, adjust=False).mean()
    out["macdHist"] = out["macd"] - out["macdSignal"]
    sma, sd = close.rolling(20).mean(), close.rolling(20).std()
    out["bbUpper"], out["bbMiddle"], out["bbLower"] = sma + 2 * sd, sma, sma - 2 * sd
    out["volAvg20"] = df["Volume"].rolling(20).mean()
    out["high20"] = high.shift(1).rolling(20).max()
    out["low20"] = low.shift(1).rolling(20).min()
    return out


def signals(df, x):
    close, volume = df["Close"], df["Volume"]
    macd_prev, rsi_prev = x["macd"].shift(1), x["rsi14"].shift(1)
    breakdown = (close < x["ema50"] - 0.35 * x["atr14"]) & (x["macd"] < 0) & (x["macd"] < macd_prev) & (x["rsi14"] <= 42) & (volume >= 1.5 * x["volAvg20"])
    breakout = (x["ema5"] > x["ema20"]) & (close > x["high20"] + 0.35 * x["atr14"]) \
        & ((x["rsi14"] >= 58) | ((x["macd"] > 0) & (x["macd"] > macd_prev))) & (volume >= 1.5 * x["volAvg20"])
    place = (close - df["Low"]) / (df["High"] - df["Low"])
    reversal = (rsi_prev <= 32) & (x["rsi14"] >= 36) & (close >= x["ema20"]) & (close >= x["ema5"]) & (place >= 0.7) & (volume >= 1.3 * x["volAvg20"])
    code = np.select([breakdown, breakout, reversal], ["SBRK3", "BBRK9", "BRSV7"], default="HMOM5")
    return int((code[49:] != "HMOM5").sum())


elapsed, checksum = 0.0, 0
for _ in range(symbols):
    df = generate()
    start = time.perf_counter()
    x = indicators(df)
    checksum += signals(df, x) if mode == "signals" else int(x["rsi14"].iloc[-1] > 50)
    elapsed += time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
name = "pandas indicators + signals" if mode == "signals" else "pandas indicators only"
print(f"{name}\t{symbols * bars / elapsed:.0f}\t{elapsed:.3f}\t-\t{rss:.0f}\t{checksum}")
