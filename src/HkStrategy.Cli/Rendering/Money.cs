using System.Globalization;

namespace HkStrategy.Cli.Rendering;

/// <summary>How amounts read in tables: thousands separators, two decimals for money, three for prices.</summary>
public static class Money
{
    public static string Amount(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    public static string Price(decimal value) => value.ToString("N3", CultureInfo.InvariantCulture);

    public static string Percent(decimal? value) => value is { } v ? v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%" : "-";

    /// <summary>Green for a gain, red for a loss, as Spectre markup.</summary>
    public static string GainOrLoss(decimal value) => value switch
    {
        > 0 => $"[green]{Amount(value)}[/]",
        < 0 => $"[red]{Amount(value)}[/]",
        _ => Amount(value),
    };
}
