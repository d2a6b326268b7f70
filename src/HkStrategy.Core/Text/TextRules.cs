using System.Globalization;
using System.Text;

namespace HkStrategy.Core.Text;

/// <summary>
/// Text from outside shown or stored safely: control characters (ESC, BEL, line breaks, bidirectional overrides) are
/// refused in names and descriptions, and escaped wherever such text is printed, so no input can send escape sequences
/// to a terminal or hide what it says.
/// </summary>
public static class TextRules
{
    public static bool HasControlCharacters(string text) => text.Any(IsControl);

    /// <summary>The text with every control character as <c>\u001B</c>-style escapes; text without them is returned as it is.</summary>
    public static string Escape(string text)
    {
        if (!HasControlCharacters(text))
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : c.ToString());
        }
        return escaped.ToString();
    }

    private static bool IsControl(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
