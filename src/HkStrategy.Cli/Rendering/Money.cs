using System.Globalization;

using HkStrategy.Operations.Steps;

namespace HkStrategy.Cli.Rendering;

/// <summary>How amounts read in tables: as in the steps' messages (<see cref="StepText"/>), with percentages and colour.</summary>
public static class Money
{
    public static string Amount(decimal value) => StepText.Amount(value);

    public static string Price(decimal value) => StepText.Price(value);

    public static string Shares(int value) => StepText.Shares(value);

    public static string Percent(decimal? value) => value is { } v ? v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%" : "-";

    /// <summary>Green for a gain, red for a loss, as Spectre markup.</summary>
    public static string GainOrLoss(decimal value) => value switch
    {
        > 0 => $"[green]{Amount(value)}[/]",
        < 0 => $"[red]{Amount(value)}[/]",
        _ => Amount(value),
    };
}
