using HkStrategy.Operations.Ledger.Exchange;

namespace HkStrategy.Operations.Tests.Ledger;

public sealed class ImportOutcomeTests
{
    [Fact]
    public void TheDerivedSymbols_AreNamedUpToTwenty_ThenCounted()
    {
        var symbols = Enumerable.Range(1, 25).Select(i => $"{i:0000}.HK").ToList();

        var text = new ImportOutcome(25, 0, symbols).SymbolsText();

        Assert.StartsWith("0001.HK, 0002.HK", text, StringComparison.Ordinal);
        Assert.EndsWith("0020.HK … and 5 more", text, StringComparison.Ordinal);
        Assert.Equal("0700.HK", new ImportOutcome(1, 0, ["0700.HK"]).SymbolsText());
    }
}
