namespace HkStrategy.Core.Text;

/// <summary>
/// Free text written to a CSV that a spreadsheet may open: a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return would be run as a formula (<c>=cmd|' /C calc'!A0</c>), so it is written with
/// a leading apostrophe, which spreadsheets show as text and do not display. Reading hks's own CSV takes that one
/// apostrophe off again, so a note goes out and comes back as it was.
/// </summary>
public static class SpreadsheetCells
{
    public static string Guarded(string text) => StartsLikeAFormula(text, Apostrophes(text)) ? "'" + text : text;

    public static string Unguarded(string text) => Apostrophes(text) is > 0 and var k && StartsLikeAFormula(text, k) ? text[1..] : text;

    /// <summary>
    /// How many apostrophes the text starts with: a note that itself starts with an apostrophe and a formula's sign
    /// (<c>'-5% stop</c>) gains one more, so that reading takes one off and gives it back as it was.
    /// </summary>
    private static int Apostrophes(string text)
    {
        var k = 0;
        while (k < text.Length && text[k] == '\'')
        {
            k++;
        }
        return k;
    }

    private static bool StartsLikeAFormula(string text, int at) => text.Length > at && text[at] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
