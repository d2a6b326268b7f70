namespace HkStrategy.Web.Signals;

/// <summary>The side of a TXYZN code in words: its first letter is B (buy), S (sell) or H (hold).</summary>
public static class SignalSide
{
    public static string Name(string code) => code.StartsWith('B') ? "buy" : code.StartsWith('S') ? "sell" : "hold";
}
