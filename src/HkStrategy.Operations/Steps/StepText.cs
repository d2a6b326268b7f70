using System.Globalization;

namespace HkStrategy.Operations.Steps;

/// <summary>How the steps' messages write numbers, the same on both doors: HK$ with thousands separators, prices to the tenth of a cent.</summary>
public static class StepText
{
    public static string Amount(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    public static string Price(decimal value) => value.ToString("N3", CultureInfo.InvariantCulture);

    public static string Shares(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
