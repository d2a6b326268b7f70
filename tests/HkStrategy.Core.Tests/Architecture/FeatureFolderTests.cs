namespace HkStrategy.Core.Tests.Architecture;

/// <summary>
/// Folders are features: within a project, no two of them may need each other (directly or round a ring), so each can
/// be read, changed and moved knowing only what it uses. A new cycle fails here with the folders that form it.
/// </summary>
public sealed class FeatureFolderTests
{
    public static TheoryData<string> Projects() => [.. SourceTree.Projects];

    [Theory]
    [MemberData(nameof(Projects))]
    public void NoFeatureFolders_ReferenceEachOtherInACycle(string project)
    {
        var cycles = SourceTree.Cycles(SourceTree.FolderReferences("HkStrategy." + project.Replace("HkStrategy.", "", StringComparison.Ordinal)));

        Assert.True(cycles.Count == 0, $"{project}: {string.Join("; ", cycles.Select(c => string.Join(" ⇄ ", c)))}");
    }
}

public sealed class SourceTreeTests
{
    [Fact]
    public void ARing_IsFoundAsOneCycle_AndAChainIsNone()
    {
        var ring = new Dictionary<string, HashSet<string>> { ["Api"] = ["Pages"], ["Pages"] = ["Portfolios"], ["Portfolios"] = ["Api", "Shared"], ["Shared"] = [] };
        var chain = new Dictionary<string, HashSet<string>> { ["Api"] = ["Pages"], ["Pages"] = ["Shared"], ["Shared"] = [] };

        Assert.Equal([["Api", "Pages", "Portfolios"]], SourceTree.Cycles(ring));
        Assert.Empty(SourceTree.Cycles(chain));
    }

    [Fact]
    public void TheDashboardsFolders_AreReadFromTheirReferences()
    {
        var web = SourceTree.FolderReferences("HkStrategy.Web");

        Assert.Contains("Startup", web.Keys);
        Assert.Contains("Security", web["Startup"]);
    }
}

/// <summary>The doors parse, confirm, call and render: SQL lives in Data, beside the code that runs it, never in a door.</summary>
public sealed class DoorTests
{
    [Theory]
    [InlineData("HkStrategy.Cli")]
    [InlineData("HkStrategy.Web")]
    public void NoDoor_WritesSqlOrRunsItself(string project)
    {
        var offending = SourceTree.FilesContaining(project, "using Dapper;", "new NpgsqlCommand", "new NpgsqlBatch", "new CommandDefinition(");

        Assert.True(offending.Count == 0, $"{project} runs SQL in: {string.Join(", ", offending)}");
    }
}
