using System.Globalization;
using HkStrategy.Core.Failures;

namespace HkStrategy.Web.Analyses;

/// <summary>An analysis id as typed in a query string: a positive whole number.</summary>
public static class AnalysisIds
{
    public static int Require(string what, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw HksException.Usage("MissingAnalysis", $"choose analysis {what}");
        }
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw HksException.Usage("InvalidAnalysisId", $"'{text}' is not an analysis id (a whole number such as 12)");
    }
}
