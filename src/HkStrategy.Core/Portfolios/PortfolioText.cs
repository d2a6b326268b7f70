using HkStrategy.Core.Failures;
using HkStrategy.Core.Text;

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
        if (trimmed.Length is 0 or > 200)
        {
            throw HksException.Usage("InvalidPortfolioName", "a portfolio's name must have 1–200 characters");
        }
        return TextRules.HasControlCharacters(trimmed)
            ? throw HksException.Usage("InvalidPortfolioName", $"the name '{TextRules.Escape(trimmed)}' holds control characters (such as ESC or a line break): type plain text")
            : trimmed;
    }

    /// <summary>A description may run over several lines; other control characters are refused.</summary>
    public static string? Description(string? description) =>
        description is { Length: > 2000 }
            ? throw HksException.Usage("InvalidDescription", "a portfolio's description must have at most 2,000 characters")
            : description is not null && TextRules.HasControlCharacters(description.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\n', ' ').Replace('\t', ' '))
                ? throw HksException.Usage("InvalidDescription", "a portfolio's description holds control characters (such as ESC): type plain text")
                : description?.Trim();
}
