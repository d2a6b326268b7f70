using System.Text;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Portfolios;

/// <summary>Documents and values that would change meaning or never end, and one that is simply large.</summary>
public sealed class HostilePortfolioInputTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"hks-hostile-portfolio-{Guid.NewGuid():N}");

    public Task InitializeAsync() => Task.FromResult(Directory.CreateDirectory(_folder));

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ADocumentListingASymbolTwice_IsRefused_EvenSpelledDifferently()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var file = Path.Combine(_folder, "twice.json");
        await File.WriteAllTextAsync(file, """
            {"format": "hks-portfolio", "version": 1, "portfolio": {"portfolioId": "Twice", "name": "Twice"},
             "positions": [{"symbol": "0700.HK", "quantity": 100, "averageCost": 1, "currentPrice": 1},
                           {"symbol": "700", "quantity": 5, "averageCost": 1, "currentPrice": 1}]}
            """);
        var before = await TableSnapshot.TakeAsync(db);

        var run = await Hks(db, "portfolio", "import", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("0700.HK is listed 2 times", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
    }

    [Fact]
    public async Task ADocumentThatNeverEnds_IsRefusedNamingTheLimit()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await Hks(db, "portfolio", "import", "/dev/zero");

        Assert.Equal(4, run.ExitCode);
        Assert.EndsWith("[InputTooLarge]", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--avg-cost", "1,5", "[InvalidPrice]")]
    [InlineData("--quantity", "1,0", "[InvalidQuantity]")]
    [InlineData("--quantity", "1,2,3", "[InvalidQuantity]")]
    public async Task ACommaThatCouldMeanADecimal_IsRefusedNamingTheField(string option, string value, string name)
    {
        await using var db = await DemoDatabases.SeededAsync();
        string[] args = option == "--quantity"
            ? ["position", "add", "My_HKEX_ALL", "1299", "--quantity", value, "--avg-cost", "80"]
            : ["position", "add", "My_HKEX_ALL", "1299", "--quantity", "100", "--avg-cost", value];

        var run = await Hks(db, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option == "--quantity" ? "quantity" : option, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.EndsWith(name, run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportingIntoAFolder_SaysSoInOneLine()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await Hks(db, "portfolio", "export", "My_HKEX_ALL", "--out", _folder);

        Assert.Equal(2, run.ExitCode);
        Assert.EndsWith("[OutIsAFolder]", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANameWithAnEscapeSequence_IsRefused_AndNotPrintedRaw()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await Hks(db, "portfolio", "create", "Esc", "--name", "Tencent\u001b[2J");

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Error);
        Assert.Contains("\\u001B", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADocumentOfAlmostAHundredThousandPositions_Imports()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var file = Path.Combine(_folder, "large.json");
        var json = new StringBuilder("""{"format": "hks-portfolio", "version": 1, "portfolio": {"portfolioId": "Large", "name": "Large"}, "positions": [""");
        for (var code = 1; code <= 99_999; code++)
        {
            json.Append(code == 1 ? "" : ",").Append("{\"symbol\": \"").Append(code).Append("\", \"quantity\": 100, \"averageCost\": 1.5, \"currentPrice\": 2, \"targetSell\": 3}");
        }
        await File.WriteAllTextAsync(file, json.Append("]}").ToString());

        var run = await Hks(db, "portfolio", "import", file);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(99_999, await db.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'Large'"));
        Assert.Equal(99_999, await db.ScalarAsync<long>("SELECT COUNT(*) FROM position_rules WHERE portfolio_id = 'Large'"));
    }

    private static Task<HksRun> Hks(TestDatabase db, params string[] args) =>
        db.HksAsync(args);
}
