using System.Text.RegularExpressions;

namespace HkStrategy.Core.Tests.Architecture;

/// <summary>
/// The checkout's source as folders that reference each other: a file in <c>src/HkStrategy.X/Folder/…</c> references
/// <c>Other</c> when it names <c>HkStrategy.X.Other</c> (a using, a qualified name, a Razor <c>@using</c>).
/// </summary>
internal static partial class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static IEnumerable<string> Projects => Directory.GetDirectories(Path.Combine(Root, "src"), "HkStrategy.*").Select(Path.GetFileName)!;

    /// <summary>Folder → the folders of the same project it references (itself excluded); files at the project's root count as "(root)".</summary>
    public static Dictionary<string, HashSet<string>> FolderReferences(string project)
    {
        var projectFolder = Path.Combine(Root, "src", project);
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in SourceFiles(projectFolder))
        {
            var relative = Path.GetRelativePath(projectFolder, file).Split(Path.DirectorySeparatorChar);
            var from = relative.Length > 1 ? relative[0] : "(root)";
            var targets = edges.TryGetValue(from, out var set) ? set : edges[from] = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match reference in QualifiedName().Matches(File.ReadAllText(file)))
            {
                if ("HkStrategy." + reference.Groups["project"].Value == project && reference.Groups["folder"].Value is var to && to != from && Directory.Exists(Path.Combine(projectFolder, to)))
                {
                    targets.Add(to);
                }
            }
        }
        return edges;
    }

    /// <summary>The project's source files (relative paths) holding any of <paramref name="texts"/>.</summary>
    public static List<string> FilesContaining(string project, params string[] texts)
    {
        var projectFolder = Path.Combine(Root, "src", project);
        return [.. SourceFiles(projectFolder)
            .Where(file => File.ReadAllText(file) is var text && texts.Any(t => text.Contains(t, StringComparison.Ordinal)))
            .Select(file => Path.GetRelativePath(projectFolder, file))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The groups of folders that reach each other (Tarjan's strongly connected components of two or more).</summary>
    public static List<List<string>> Cycles(Dictionary<string, HashSet<string>> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<List<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges.GetValueOrDefault(node) ?? [])
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }
            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    cycles.Add(component);
                }
            }
        }
        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }
        return cycles;
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "HkStrategy.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("the checkout (HkStrategy.slnx) was not found above the test assembly");
    }

    [GeneratedRegex(@"\bHkStrategy\.(?<project>Core|Data|Operations|Cli|Web)\.(?<folder>[A-Z]\w*)")]
    private static partial Regex QualifiedName();
}
