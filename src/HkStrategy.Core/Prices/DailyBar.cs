namespace HkStrategy.Core.Prices;

/// <summary>One trading day of one symbol: open, high, low, close (three decimals) and volume.</summary>
public sealed record DailyBar(string Symbol, DateOnly TradeDate, decimal Open, decimal High, decimal Low, decimal Close, long Volume);
