using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HkStrategy.Cli.Rendering;

/// <summary>The rate of a step in its own unit: MiB/s while dumping, archive entries/s while restoring.</summary>
internal sealed class RateColumn(Func<int, string> unitOf) : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        if (task.Speed is not { } speed || task.IsFinished)
        {
            return new Text(string.Empty);
        }
        var unit = unitOf(task.Id);
        return new Text(unit == "bytes"
            ? string.Create(CultureInfo.InvariantCulture, $"{speed / (1 << 20):0.0} MiB/s")
            : string.Create(CultureInfo.InvariantCulture, $"{speed:0} {unit}/s"), Style.Plain);
    }
}
