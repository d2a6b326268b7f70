using System.Text.RegularExpressions;
using HkStrategy.Core.Failures;

namespace HkStrategy.Core.Portfolios;

/// <summary>A portfolio's key: 1–50 letters, digits, underscores and hyphens (the prototype's varchar(50)).</summary>
public static partial class PortfolioId
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    public static string Require(string? value) =>
        IsValid(value)
            ? value!
            : throw HksException.Usage(
                "InvalidPortfolioId",
                $"'{value}' is not a portfolio id: use 1–50 letters, digits, '_' or '-'");

    [GeneratedRegex("^[A-Za-z0-9_-]{1,50}$")]
    private static partial Regex Pattern();
}
