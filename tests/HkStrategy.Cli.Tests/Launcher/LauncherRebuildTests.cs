using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Launcher;

/// <summary>
/// <c>./hks</c> builds once and then starts the built program, until the sources change: a source edited, added or
/// removed builds again. Run on a copy of the launcher in a checkout of a few files, with a <c>dotnet</c> that
/// "publishes" a program printing its arguments, so that each case takes milliseconds, not a native compile.
/// </summary>
public sealed class LauncherRebuildTests : IDisposable
{
    private const string FakeDotnet = """
        #!/usr/bin/env bash
        # Publishes (dotnet publish … -o FOLDER …) a program that prints its arguments; counts the publishes; edits a
        # source while it builds when asked to.
        echo publish >>"$FAKE_DOTNET_LOG"
        if [ -n "${FAKE_DOTNET_EDITS:-}" ]; then echo "// edited while building" >>"$FAKE_DOTNET_EDITS"; fi
        while [ $# -gt 0 ]; do [ "$1" = -o ] && out="$2"; shift; done
        mkdir -p "$out"
        printf '#!/bin/sh\necho "ran $*"\n' >"$out/hks"
        chmod +x "$out/hks"
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("hks launcher ").FullName; // a space in the path
    private readonly string _log;
    private readonly Dictionary<string, string?> _environment;

    public LauncherRebuildTests()
    {
        File.Copy(Path.Combine(Checkout.Root, "hks"), Path.Combine(_root, "hks"));
        File.SetUnixFileMode(Path.Combine(_root, "hks"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "src/HkStrategy.Cli/Program.cs", "src/HkStrategy.Data/Schema/Migrations/0001_a.up.sql" })
        {
            Write(file, "// " + file);
        }
        var tools = Directory.CreateDirectory(Path.Combine(_root, "tools")).FullName;
        File.WriteAllText(Path.Combine(tools, "dotnet"), FakeDotnet.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(Path.Combine(tools, "dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _log = Path.Combine(_root, "publishes.log");
        _environment = new()
        {
            ["PATH"] = tools + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_DOTNET_LOG"] = _log,
        };
    }

    [Fact]
    public async Task TheFirstRun_Builds_AndTheNext_StartsTheBuiltProgram()
    {
        var first = await Launch("--version");
        var second = await Launch("db", "status");

        Assert.Equal("ran --version", first.Out.Trim());
        Assert.Contains("building", first.Error);
        Assert.Equal("ran db status", second.Out.Trim());
        Assert.DoesNotContain("building", second.Error);
        Assert.Equal(2, Publishes()); // the command line and the dashboard, once
    }

    [Fact]
    public async Task ASourceRemoved_BuildsAgain_AsACheckoutOfAnOlderCommitNeeds()
    {
        await Launch("--version");

        File.Delete(Path.Combine(_root, "src/HkStrategy.Data/Schema/Migrations/0001_a.up.sql"));
        var after = await Launch("--version");

        Assert.Contains("building", after.Error);
        Assert.Equal(4, Publishes());
        Assert.DoesNotContain("building", (await Launch("--version")).Error);
    }

    [Fact]
    public async Task ASourceAddedWithAnOldDate_BuildsAgain()
    {
        await Launch("--version");

        Write("src/HkStrategy.Data/Schema/Migrations/0002_b.up.sql", "SELECT 1;");
        File.SetLastWriteTimeUtc(Path.Combine(_root, "src/HkStrategy.Data/Schema/Migrations/0002_b.up.sql"), new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var after = await Launch("--version");

        Assert.Contains("building", after.Error);
        Assert.Equal(4, Publishes());
    }

    [Fact]
    public async Task ASourceEdited_BuildsAgain_AndFilesBesideTheSourcesDoNot()
    {
        await Launch("--version");

        Write("README.md", "not a source");
        Write("src/HkStrategy.Cli/bin/Debug/x.json", "{}");
        Assert.DoesNotContain("building", (await Launch("--version")).Error);
        Write("src/HkStrategy.Cli/Program.cs", "// edited");
        var after = await Launch("--version");

        Assert.Contains("building", after.Error);
        Assert.Equal(4, Publishes());
    }

    [Fact]
    public async Task ASourceEditedWhileItBuilds_BuildsAgainNextTime()
    {
        _environment["FAKE_DOTNET_EDITS"] = Path.Combine(_root, "src/HkStrategy.Cli/Program.cs");
        await Launch("--version");
        _environment.Remove("FAKE_DOTNET_EDITS");

        Assert.Contains("building", (await Launch("--version")).Error);
        Assert.DoesNotContain("building", (await Launch("--version")).Error);
        Assert.Equal(4, Publishes());
    }

    [Fact]
    public async Task ABuildStampedTheOldWay_WithoutItsSources_BuildsOnce()
    {
        await Launch("--version");
        File.WriteAllText(Path.Combine(_root, ".build/hks/.built"), "");

        Assert.Contains("building", (await Launch("--version")).Error);
        Assert.DoesNotContain("building", (await Launch("--version")).Error);
        Assert.Equal(4, Publishes());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string file, string text)
    {
        var path = Path.Combine(_root, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private int Publishes() => File.Exists(_log) ? File.ReadAllLines(_log).Length : 0;

    private async Task<HksRun> Launch(params string[] args)
    {
        var run = await HksProcess.RunProgramAsync(Path.Combine(_root, "hks"), args, _environment, null, TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.Error);
        return run;
    }
}
