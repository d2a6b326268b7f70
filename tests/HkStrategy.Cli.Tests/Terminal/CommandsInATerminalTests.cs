using HkStrategy.Cli.Tests.Restore;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Terminal;

/// <summary>
/// Commands as a person sees them in a real terminal (tmux, 110 columns): progress only while work runs, then its
/// result in its place; a confirmation shown whole and alone before anything is done.
/// </summary>
public sealed class CommandsInATerminalTests
{
    private const string Bar = "━";

    [TmuxFact]
    public async Task BackupCreate_DrawsProgressWhileItRuns_AndLeavesOnlyItsResult()
    {
        await using var live = await DemoDatabases.SeededAsync();
        var scene = await RestoreScene.CreateAsync(live);
        await using var terminal = await Tmux.StartHksAsync(scene.Home, live.Target.ConnectionString, "backup", "create");

        var done = await terminal.WaitForAsync(screen => screen.Contains("EXIT=", StringComparison.Ordinal));

        Assert.Contains("EXIT=0", done, StringComparison.Ordinal);
        Assert.Contains(Lines(done), l => l.StartsWith("backup ", StringComparison.Ordinal) && l.Contains("(full, custom, ", StringComparison.Ordinal));
        Assert.DoesNotContain(Lines(done), l => l.Contains(Bar, StringComparison.Ordinal));
    }

    [TmuxFact]
    public async Task PortfolioDelete_AsksAloneAndWhole_ThenSaysWhatItDidAndWhereTheBackupIs()
    {
        await using var live = await DemoDatabases.SeededAsync();
        var scene = await RestoreScene.CreateAsync(live);
        await using var terminal = await Tmux.StartHksAsync(scene.Home, live.Target.ConnectionString, "portfolio", "delete", "HKEX_NonTech");

        var asked = await terminal.WaitForAsync(screen => screen.Contains("to go on:", StringComparison.Ordinal));
        await terminal.TypeAsync("HKEX_NonTech");
        var done = await terminal.WaitForAsync(screen => screen.Contains("EXIT=", StringComparison.Ordinal));

        var question = Lines(asked).SkipWhile(l => !l.StartsWith("This deletes portfolio HKEX_NonTech", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, question.Count); // the question (wrapped by the terminal, not cut) and what to type, nothing else
        Assert.Contains("after a verified backup.", question[0], StringComparison.Ordinal);
        Assert.Equal("Type 'HKEX_NonTech' to go on:", question[1]);
        Assert.Contains("EXIT=0", done, StringComparison.Ordinal);
        Assert.Contains(Lines(done), l => l.StartsWith("deleted portfolio HKEX_NonTech; verified backup first: pre_delete_", StringComparison.Ordinal));
        Assert.Contains(Lines(done), l => l.StartsWith($"backup (verified): {scene.Backups}", StringComparison.Ordinal));
        Assert.Equal(0, await live.ScalarAsync<long>("SELECT COUNT(*) FROM portfolios WHERE portfolio_id = 'HKEX_NonTech'"));
    }

    /// <summary>The screen's lines as a person reads them: long lines joined (capture-pane -J), trailing blanks gone.</summary>
    private static List<string> Lines(string screen) => [.. screen.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0)];
}
