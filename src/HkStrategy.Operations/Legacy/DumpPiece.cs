namespace HkStrategy.Operations.Legacy;

public enum DumpPieceKind
{
    /// <summary>One SQL statement, ending with its semicolon; leading comments left out.</summary>
    Statement,

    /// <summary>One line of data of the COPY … FROM stdin statement before it.</summary>
    CopyRow,

    /// <summary>COPY data's terminator (<c>\.</c>).</summary>
    CopyEnd,
}

/// <summary>A piece of a plain SQL dump and the line it starts on (from 1).</summary>
public readonly record struct DumpPiece(DumpPieceKind Kind, string Text, long Line);
