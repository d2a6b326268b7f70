using HkStrategy.Cli.Tests.Terminal;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Restore;

/// <summary>
/// <c>hks restore</c> in a real terminal (tmux, 110 columns): the confirmation is shown whole with no progress bar drawn
/// over it, and once the result is written no bar is drawn again between its lines.
/// </summary>
public sealed class RestoreInATerminalTests
{
    private const string Bar = "━";

    [TmuxFact]
    public async Task TheConfirmationStandsAlone_AndTheResultIsNotInterleavedWithBars()
    {
        await using var live = await DemoDatabases.SeededAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        await using var terminal = await Tmux.StartHksAsync(scene.Home, live.Target.ConnectionString, "restore", backup);

        var asked = await terminal.WaitForAsync(screen => screen.Contains("to go on:", StringComparison.Ordinal));
        var prompt = asked.Split('\n').Select(l => l.TrimEnd()).Last(l => l.Length > 0);
        await terminal.TypeAsync(live.Target.DatabaseName);
        var done = await terminal.WaitForAsync(screen => screen.Contains("EXIT=", StringComparison.Ordinal));

        Assert.Matches("^Type '[a-z0-9_]+' to go on:$", prompt);
        Assert.Contains("This replaces the database", asked, StringComparison.Ordinal);
        Assert.DoesNotContain(asked.Split('\n').SkipWhile(l => !l.Contains("This replaces", StringComparison.Ordinal)), l => l.Contains(Bar, StringComparison.Ordinal));
        Assert.Contains("EXIT=0", done, StringComparison.Ordinal);
        var afterAnswer = done.Split('\n').SkipWhile(l => !l.StartsWith("Type '", StringComparison.Ordinal)).ToList();
        var result = afterAnswer.SkipWhile(l => !l.StartsWith("writes were refused", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(result);
        Assert.DoesNotContain(result, l => l.Contains(Bar, StringComparison.Ordinal));
        Assert.Contains(result, l => l.StartsWith("restored into ", StringComparison.Ordinal));
    }
}
