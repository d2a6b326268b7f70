using HkStrategy.Core.Failures;

namespace HkStrategy.Core.Portfolios;

/// <summary>The rules for a portfolio's name and description, checked before anything is written.</summary>
public static class PortfolioText
{
    public static string? Name(string? name)
    {
        if (name is null)
        {
            return null;
        }
        var trimmed = name.Trim();
        return trimmed.Length is > 0 and <= 200
            ? trimmed
            : throw HksException.Usage("InvalidPortfolioName", "a portfolio's name must have 1–200 characters");
    }

    public static string? Description(string? description) =>
        description is { Length: > 2000 }
            ? throw HksException.Usage("InvalidDescription", "a portfolio's description must have at most 2,000 characters")
            : description?.Trim();
}
