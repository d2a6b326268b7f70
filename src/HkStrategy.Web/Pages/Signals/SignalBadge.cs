namespace HkStrategy.Web.Pages.Signals;

/// <summary>How a TXYZN code looks: its first letter is the side (B buy, S sell, H hold).</summary>
public static class SignalBadge
{
    public static string Tone(string code) => code.StartsWith('B') ? "buy" : code.StartsWith('S') ? "sell" : "";

    public static string SideName(string code) => code.StartsWith('B') ? "buy" : code.StartsWith('S') ? "sell" : "hold";
}
