using System.Text;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;
using Regiekamer.Core.Imports;
using Regiekamer.TestCommon;
using static Regiekamer.Core.Tests.TestSupport.Plans;

namespace Regiekamer.Core.Tests.Applications;

/// <summary>
/// A plan file never crashes the reader. Hundreds of broken CSV files (random bytes, stray quotes, truncated rows,
/// Latin-1 and UTF-16, huge fields, binary bytes) and broken workbooks (cut off, bytes changed, random bytes after
/// "PK", huge cells), fixed seeds: each is either read, with well-formed findings, or refused with one error that
/// names the file, in both languages, without the libraries' internals.
/// </summary>
public sealed class PlanFileFuzzTests
{
    private const string File = "fuzz-plan.csv";

    private static readonly string[] Lines =
    [
        "Actie omschrijving,Actie lange omschrijving,Actie commentaar,Code,Bedrag 2023,Bedrag 2024,Bedrag 2025",
        "Regisseur in dienst,<p>Loonkost regisseur</p>,,WSE-LR1,35000.00,35000.00,35000.00",
        "Omgevingsanalyse,<p>Analyse</p>,,WSE-LR2,1.500,1.500,0",
        "Sociaal aankopen,<p>Website</p>,,WSE-LR3,0,0,0",
        "Netwerk VDAB,<p>4 keer per jaar</p>,,WSE-LR4,500.00,500.00,500.00",
    ];

    [Fact]
    public void TheFileTheFuzzStartsFrom_IsAValidPlan()
    {
        var check = Read(string.Join("\n", Lines), File).Check(Period);

        Assert.True(check.Valid, string.Join("\n", check.Findings.Select(f => f.Message.En)));
    }

    [Theory]
    [InlineData(8101)]
    [InlineData(8102)]
    public void BrokenCsv_IsReadOrRefused_NeverAnException(int seed)
    {
        var kinds = new Dictionary<string, int>();
        var read = 0;
        foreach (var file in CsvFuzz.Files(seed, 400, Lines))
        {
            var result = Read(file.Bytes, File);
            AssertWellFormed(file.ToString(), result);
            kinds[file.Kind] = kinds.GetValueOrDefault(file.Kind) + 1;
            read += result.IsReadable ? 1 : 0;

            // Not UTF-8 text by construction: always refused, never read with replacement characters.
            Assert.True(result.IsReadable == false || file.Kind is not ("latin-1" or "utf-16" or "binary bytes"), $"{file}: read");
        }

        Assert.Equal(CsvFuzz.Kinds.Order(StringComparer.Ordinal), kinds.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(read, 1, 399); // some broken files are still plans (a stray quote inside a text, a cut-off row): read, with findings
    }

    [Fact]
    public void BrokenCsv_WithSemicolonsAndTabs_IsReadOrRefused()
    {
        var random = new Random(8103);
        foreach (var separator in new[] { ";", "\t" })
        {
            var lines = Lines.Select(l => l.Replace(",", separator, StringComparison.Ordinal)).ToArray();
            foreach (var file in CsvFuzz.Files(random.Next(), 160, lines))
            {
                AssertWellFormed(file.ToString(), Read(file.Bytes, File));
            }
        }
    }

    [Fact]
    public void BrokenWorkbooks_AreRefused_NeverAnException()
    {
        var random = new Random(8104);
        var valid = WriteXlsx(EveryPriority());
        var excel = Xlsx(XlsxHeader, ["A", "B", null, "WSE-LR1", 1d, 2d, 3d]);
        var cases = new List<(string Kind, byte[] Bytes)>();
        foreach (var source in new[] { valid, excel })
        {
            for (var i = 0; i < 60; i++)
            {
                cases.Add(("cut off", source[..random.Next(2, source.Length)]));

                var changed = (byte[])source.Clone();
                for (var n = random.Next(1, 20); n > 0; n--)
                {
                    changed[random.Next(2, changed.Length)] = (byte)random.Next(256);
                }

                cases.Add(("bytes changed", changed));
            }
        }

        for (var i = 0; i < 60; i++)
        {
            var junk = new byte[random.Next(2, 2_000)];
            random.NextBytes(junk);
            junk[0] = (byte)'P';
            junk[1] = (byte)'K';
            cases.Add(("PK and random bytes", junk));
        }

        var refused = 0;
        foreach (var (kind, bytes) in cases)
        {
            var read = Read(bytes, "fuzz-plan.xlsx");
            AssertWellFormed($"{kind} ({bytes.Length} bytes)", read, "fuzz-plan.xlsx");
            refused += read.IsReadable ? 0 : 1;
        }

        // A changed byte may land where it does no harm (inside a compressed entry the checksum catches, or not); the cut-off and junk ones never read.
        Assert.True(refused >= 180, $"only {refused} of {cases.Count} refused");
    }

    [Fact]
    public void HugeCells_InEveryColumn_AreFindings()
    {
        var huge = new string('é', 300_000);
        var row = string.Join(";", Enumerable.Repeat(huge, 7));

        var csv = Read(Csv(row), File);
        var xlsx = Read(Xlsx(XlsxHeader, [.. Enumerable.Repeat<object?>(huge, 7)]), "fuzz-plan.xlsx");

        foreach (var read in new[] { csv, xlsx })
        {
            var check = read.Check(Period);
            AssertWellFormed("huge cells", read);
            Assert.Equal(FieldOrder, check.Findings.Where(f => f.Row == 2).Select(f => f.Field!).Distinct().OrderBy(f => Array.IndexOf(FieldOrder, f)));
        }
    }

    private static readonly string[] FieldOrder = ["Actie omschrijving", "Actie lange omschrijving", "Actie commentaar", "Code", "Bedrag 2023", "Bedrag 2024", "Bedrag 2025"];

    private static void AssertWellFormed(string what, PlanFileResult read, string file = File)
    {
        if (!read.IsReadable)
        {
            var error = read.Error!;
            Assert.Equal(CsvText.UnreadableCode, error.Code);
            Assert.Matches($@"^{file.Replace(".", @"\.", StringComparison.Ordinal)}(, rij \d+)?: ", error.Message.Nl);
            Assert.Matches($@"^{file.Replace(".", @"\.", StringComparison.Ordinal)}(, row \d+)?: ", error.Message.En);
            AssertNoLeak(what, error.Message);
            Assert.Empty(read.Actions);
            return;
        }

        var check = read.Check(Period);
        foreach (var finding in check.Findings)
        {
            Assert.Contains(finding.Rule, new[] { Rules.R10, Rules.R11, Rules.R12 });
            Assert.StartsWith(finding.Rule + ": ", finding.Message.Nl, StringComparison.Ordinal);
            Assert.StartsWith(finding.Rule + ": ", finding.Message.En, StringComparison.Ordinal);
            Assert.True(finding.Row is null or >= 2, $"{what}: row {finding.Row}");
            Assert.True(finding.Message.Nl.Length < 2_000, $"{what}: a message of {finding.Message.Nl.Length} characters");
            AssertNoLeak(what, finding.Message);
        }
    }

    private static void AssertNoLeak(string what, Bilingual message)
    {
        foreach (var leak in new[] { "CsvHelper", "MiniExcel", "Exception", "   at ", "System." })
        {
            Assert.False(message.Nl.Contains(leak, StringComparison.Ordinal) || message.En.Contains(leak, StringComparison.Ordinal), $"{what}: '{leak}' in {message.En}");
        }
    }
}
