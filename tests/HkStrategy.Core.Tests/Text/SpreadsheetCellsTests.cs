using HkStrategy.Core.Text;

namespace HkStrategy.Core.Tests.Text;

/// <summary>Free text bound for a spreadsheet: what would run as a formula is written as text, and read back as it was.</summary>
public sealed class SpreadsheetCellsTests
{
    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1")]
    [InlineData("=HYPERLINK(\"http://example.com\",\"click\")")]
    public void TextThatWouldRunAsAFormula_IsWrittenAsText_AndReadBackAsItWas(string text)
    {
        var written = SpreadsheetCells.Guarded(text);

        Assert.Equal("'" + text, written);
        Assert.Equal(text, SpreadsheetCells.Unguarded(written));
    }

    [Theory]
    [InlineData("'-5% stop", "''-5% stop")]
    [InlineData("''=1", "'''=1")]
    public void TextStartingWithApostrophesBeforeAFormulasSign_GainsOneMore_AndLosesItWhenRead(string text, string written)
    {
        Assert.Equal(written, SpreadsheetCells.Guarded(text));
        Assert.Equal(text, SpreadsheetCells.Unguarded(SpreadsheetCells.Guarded(text)));
    }

    [Theory]
    [InlineData("bought on the results")]
    [InlineData("")]
    [InlineData("'quoted'")]
    [InlineData("'")]
    [InlineData("a=b")]
    public void OtherText_IsWrittenAndReadAsItIs(string text)
    {
        Assert.Equal(text, SpreadsheetCells.Guarded(text));
        Assert.Equal(text, SpreadsheetCells.Unguarded(text));
    }
}
