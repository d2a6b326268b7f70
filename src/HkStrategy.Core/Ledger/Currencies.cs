using HkStrategy.Core.Failures;
using HkStrategy.Core.Text;

namespace HkStrategy.Core.Ledger;

/// <summary>
/// The currencies an activity can be in: HK$ (the portfolios' base), renminbi (dual counters, H-share dividends
/// declared in RMB) and US dollars. Each converts at the day's rate of its pair (<c>CNYHKD=X</c>, <c>USDHKD=X</c>).
/// </summary>
public static class Currencies
{
    public const string Base = "HKD";

    public static IReadOnlyList<string> All { get; } = ["HKD", "CNY", "USD"];

    public static string Parse(string? text)
    {
        var code = text?.Trim().ToUpperInvariant();
        if (code == "RMB")
        {
            return "CNY";
        }
        return code is not null && All.Contains(code)
            ? code
            : throw HksException.Usage("InvalidCurrency", $"currency '{TextRules.Escape(text ?? "")}' is not one hks converts: HKD, CNY (RMB) or USD");
    }

    /// <summary>The price provider's symbol for the currency's rate in HK$ (CNYHKD=X); none for HK$.</summary>
    public static string? RateSymbol(string currency) => currency == Base ? null : currency + "HKD=X";
}
