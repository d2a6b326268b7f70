namespace HkStrategy.Data.Signals;

/// <summary>
/// A signal as listed: generated TXYZN signals and the prototype's trading_signals (A–D, shown with their TXYZN
/// equivalent; <see cref="LegacyType"/> says which they were).
/// </summary>
public sealed record StoredSignal(
    long Id, string? PortfolioId, string Symbol, DateOnly TradeDate, string Code, string StrategyName, int Strength, decimal Close,
    string? Evidence, int? RunId, string? LegacyType, DateTime CreatedAt);

/// <summary>Which signals to list.</summary>
public sealed record SignalFilter(string? PortfolioId = null, string? Symbol = null, char? Side = null, int? MinStrength = null, DateOnly? Since = null, int Limit = 500, DateOnly? Until = null);
