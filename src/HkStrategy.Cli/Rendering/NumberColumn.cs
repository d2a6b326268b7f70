using Spectre.Console;

namespace HkStrategy.Cli.Rendering;

/// <summary>A table column of numbers: right-aligned and never wrapped, so a narrow terminal squeezes the text columns instead of splitting 4,052,660.20 over two lines.</summary>
public static class NumberColumn
{
    public static TableColumn Of(string header) => new TableColumn(header).RightAligned().NoWrap();
}
