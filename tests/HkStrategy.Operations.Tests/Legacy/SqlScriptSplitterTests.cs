using HkStrategy.Core.Failures;
using HkStrategy.Operations.Legacy;

namespace HkStrategy.Operations.Tests.Legacy;

public sealed class SqlScriptSplitterTests
{
    private static List<DumpPiece> Split(string script)
    {
        var splitter = new SqlScriptSplitter("test.sql");
        var pieces = new List<DumpPiece>();
        var lines = script.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            splitter.Feed(lines[i], i + 1, pieces);
        }
        splitter.Finish(lines.Length);
        return pieces;
    }

    private static List<string> Statements(string script) =>
        Split(script).Where(p => p.Kind == DumpPieceKind.Statement).Select(p => p.Text).ToList();

    [Fact]
    public void Statements_EndAtSemicolonsOutsideQuotesCommentsAndBodies()
    {
        var statements = Statements("""
            -- a comment; not a statement
            SET standard_conforming_strings = on;
            INSERT INTO t VALUES ('a;b', E'c\';d', "x;y", $$e;f$$, $tag$ g; $$ h $tag$); /* one; /* nested; */ still */ SELECT 1;
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $_$BEGIN RETURN 1; END$_$;
            CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END;
            CREATE RULE r AS ON INSERT TO t DO ( INSERT INTO u VALUES (1); INSERT INTO u VALUES (2); );
            SELECT $1, a$b$ FROM t;
            """);

        Assert.Equal(7, statements.Count);
        Assert.StartsWith("SET standard_conforming_strings", statements[0], StringComparison.Ordinal);
        Assert.EndsWith("$tag$);", statements[1], StringComparison.Ordinal);
        Assert.Equal("SELECT 1;", statements[2]);
        Assert.EndsWith("END$_$;", statements[3], StringComparison.Ordinal);
        Assert.EndsWith("END; END;", statements[4], StringComparison.Ordinal);
        Assert.EndsWith("(2); );", statements[5], StringComparison.Ordinal);
        Assert.Equal("SELECT $1, a$b$ FROM t;", statements[6]);
    }

    [Fact]
    public void AColumnNamedBegin_IsAnIdentifier_NotABlock()
    {
        var pieces = Split("CREATE TABLE public.bars (id integer, begin date, \"end\" date);\nCOPY public.bars (id, begin) FROM stdin;\n1\t\\N\n\\.\nSELECT CASE WHEN true THEN 1 END;");

        Assert.Equal([DumpPieceKind.Statement, DumpPieceKind.Statement, DumpPieceKind.CopyRow, DumpPieceKind.CopyEnd, DumpPieceKind.Statement], pieces.Select(p => p.Kind));
    }

    [Fact]
    public void Comments_AreLeftOutOfStatements_SoTheyCannotDisguiseOne()
    {
        var statements = Statements("/* lead */ COPY t FROM PROGRAM 'id' -- FROM stdin\n;\nSELECT 1 /* inner */ + 2;");

        Assert.Equal("COPY t FROM PROGRAM 'id'  \n;", statements[0]);
        Assert.Equal("SELECT 1   + 2;", statements[1]);
        Assert.Equal("CopyOutsideDump", Assert.Throws<HksException>(() => DumpStatementPolicy.Classify(statements[0], "test.sql", 1)).Name);
    }

    [Fact]
    public void CopyData_IsDataUntilItsTerminator_EvenWhenItLooksLikeCommands()
    {
        var pieces = Split("COPY public.t (a) FROM stdin;\n\\! id\n\\c other\n\\.\nSELECT 1;");

        Assert.Equal([DumpPieceKind.Statement, DumpPieceKind.CopyRow, DumpPieceKind.CopyRow, DumpPieceKind.CopyEnd, DumpPieceKind.Statement], pieces.Select(p => p.Kind));
        Assert.Equal("\\! id", pieces[1].Text);
        Assert.Equal(5, pieces[4].Line);
    }

    [Theory]
    [InlineData("\\! id > /tmp/x", 2)]
    [InlineData("\\c hk_strategy", 2)]
    [InlineData("SELECT 1; \\gexec", 2)]
    [InlineData("SELECT 1 \\g /tmp/out", 2)]
    [InlineData("\\.", 2)]
    [InlineData("\\restrict abc; SELECT 1", 2)]
    public void AnUnquotedBackslash_IsAMetaCommand_RefusedWithItsLine(string line, int number)
    {
        var error = Assert.Throws<HksException>(() => Split("SELECT 0;\n" + line + "\n"));

        Assert.Equal("MetaCommandInDump", error.Name);
        Assert.Contains($"line {number}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backslashes_InsideQuotesAndEscapeStrings_AreText()
    {
        var statements = Statements("SELECT '\\! not a command', E'\\\\c', $$\n\\c inside a body\n$$;");

        Assert.Single(statements);
    }

    [Fact]
    public void PgDumpsOwnRestrictLines_ArePassedOver()
    {
        var pieces = Split("\\restrict AbC123\nSELECT 1;\n\\unrestrict AbC123\n");

        Assert.Equal(["SELECT 1;"], pieces.Select(p => p.Text));
    }

    [Theory]
    [InlineData("SELECT 'unterminated;")]
    [InlineData("COPY t (a) FROM stdin;\n1")]
    [InlineData("SELECT 1")]
    public void AScriptCutShort_IsRefused(string script)
    {
        var error = Assert.Throws<HksException>(() => Split(script));

        Assert.Equal("ArchiveIncomplete", error.Name);
    }

    [Theory]
    [InlineData("COPY t TO PROGRAM 'id';")]
    [InlineData("COPY t FROM '/etc/passwd';")]
    [InlineData("copy t from program 'id';")]
    public void ACopyThatIsNotFromStdin_IsRefused(string statement)
    {
        var error = Assert.Throws<HksException>(() => DumpStatementPolicy.Classify(statement, "test.sql", 7));

        Assert.Equal("CopyOutsideDump", error.Name);
        Assert.Contains("line 7", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ALTER TABLE public.t OWNER TO trader;", DumpStatementAction.Skip)]
    [InlineData("GRANT ALL ON TABLE public.t TO trader;", DumpStatementAction.Skip)]
    [InlineData("SET ROLE postgres;", DumpStatementAction.Skip)]
    [InlineData("SET SESSION ROLE postgres;", DumpStatementAction.Skip)]
    [InlineData("RESET SESSION AUTHORIZATION;", DumpStatementAction.Skip)]
    [InlineData("SET client_encoding = 'UTF8';", DumpStatementAction.Skip)]
    [InlineData("ALTER TABLE t RENAME COLUMN owner TO holder;", DumpStatementAction.Execute)]
    [InlineData("COPY public.t (a, b) FROM stdin;", DumpStatementAction.Copy)]
    [InlineData("CREATE TABLE t (a int);", DumpStatementAction.Execute)]
    public void Statements_AreClassifiedAsPgDumpWritesThem(string statement, DumpStatementAction expected) =>
        Assert.Equal(expected, DumpStatementPolicy.Classify(statement, "test.sql", 1));

    [Theory]
    [InlineData("ALTER DATABASE hk_strategy SET search_path = public, pg_catalog;")]
    [InlineData("ALTER ROLE trader SUPERUSER;")]
    [InlineData("ALTER SYSTEM SET archive_command = 'id';")]
    [InlineData("CREATE ROLE sneaky LOGIN;")]
    [InlineData("LOAD 'evil';")]
    public void StatementsBeyondOneDatabase_AreRefused(string statement) =>
        Assert.Equal("StatementOutsideDump", Assert.Throws<HksException>(() => DumpStatementPolicy.Classify(statement, "test.sql", 1)).Name);

    [Fact]
    public void ALongRunOfWhitespace_IsClassifiedAtOnce()
    {
        var statement = "COPY" + new string(' ', 2_000_000) + ";";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Assert.Throws<HksException>(() => DumpStatementPolicy.Classify(statement, "test.sql", 1));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed}");
    }

    [Fact]
    public void ADumpInAnotherEncoding_IsRefused()
    {
        var error = Assert.Throws<HksException>(() => DumpStatementPolicy.Classify("SET client_encoding = 'LATIN1';", "test.sql", 3));

        Assert.Equal("DumpEncodingUnsupported", error.Name);
    }
}
