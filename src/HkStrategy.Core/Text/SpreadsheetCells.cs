namespace HkStrategy.Core.Text;

/// <summary>
/// Free text written to a CSV that a spreadsheet may open: a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return would be run as a formula (<c>=cmd|' /C calc'!A0</c>), so it is written with
/// a leading apostrophe, which spreadsheets show as text and do not display. Reading hks's own CSV takes that one
/// apostrophe off again, so a note goes out and comes back as it was.
/// </summary>
public static class SpreadsheetCells
{
    public static string Guarded(string text) => StartsLikeAFormula(text, 0) ? "'" + text : text;

    public static string Unguarded(string text) => text.Length > 1 && text[0] == '\'' && StartsLikeAFormula(text, 1) ? text[1..] : text;

    private static bool StartsLikeAFormula(string text, int at) => text.Length > at && text[at] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
