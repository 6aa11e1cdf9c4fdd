using System.Text;
using System.Text.Json;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;
using Regiekamer.TestCommon;

namespace Regiekamer.Cli.Tests;

/// <summary><c>regiekamer plan check FILE</c>: exit 0 valid (warnings allowed), 1 violations, 2 not a readable plan.</summary>
public sealed class PlanCheckTests : IDisposable
{
    private const string Header = "Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2023;Bedrag 2024;Bedrag 2025";

    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "TestData", "Plans", "plan-2023-2025.csv");

    private static readonly string[] Keys = ["valid", "findings", "coverage", "totals"];
    private static readonly string[] FindingKeys = ["rule", "severity", "row", "field", "message"];
    private static readonly string[] PriorityKeys = ["WSE-LR1", "WSE-LR2", "WSE-LR3", "WSE-LR4"];
    private static readonly string[] Years = ["2023", "2024", "2025"];
    private static readonly string[] Severities = ["violation", "warning"];

    private readonly TempFolder _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task SamplePlan_Exit0_JsonExactlyAsSpecified()
    {
        var outcome = await Run.Cli("plan", "check", SamplePath);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Equal("", outcome.Stderr);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var root = json.RootElement;
        Assert.Equal(Keys, root.EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.Equal(0, root.GetProperty("findings").GetArrayLength());
        Assert.Equal(Years, root.GetProperty("coverage").EnumerateObject().Select(p => p.Name));
        foreach (var year in root.GetProperty("coverage").EnumerateObject())
        {
            Assert.Equal(PriorityKeys, year.Value.EnumerateObject().Select(p => p.Name));
            Assert.Equal([4, 3, 2, 2], year.Value.EnumerateObject().Select(p => p.Value.GetInt32()));
        }

        Assert.Equal(Years, root.GetProperty("totals").EnumerateObject().Select(p => p.Name));
        Assert.All(root.GetProperty("totals").EnumerateObject(), t => Assert.Equal(4_900_000, Run.Cents(t.Value.GetString()!)));
    }

    [Fact]
    public async Task WarningsOnly_Exit0_ValidTrue_FindingWithRowAndField()
    {
        var path = Plan("waarschuwing.csv", "Regisseur;;;WSE-LR1;35.000,00;35.000,00;35.000,00", Row("WSE-LR2"), Row("WSE-LR3"), Row("WSE-LR4"));

        var outcome = await Run.Cli("plan", "check", path);

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(FindingKeys, finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("R11", "warning", 2, "Actie lange omschrijving"), (finding.GetProperty("rule").GetString(), finding.GetProperty("severity").GetString(), finding.GetProperty("row").GetInt32(), finding.GetProperty("field").GetString()));
        Assert.StartsWith("R11: de lange omschrijving", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Violations_Exit1_EveryFindingShaped_R10WithoutRowNamingPriorityAndYear()
    {
        var path = Plan("fouten.csv", "Regisseur;Loonkost;;WSE-LR1;35.000,00;abc;0", "Oud;Uitleg;;LSEVBP01;1;1;1", Row("WSE-LR3"), Row("WSE-LR4"));

        var outcome = await Run.Cli("plan", "check", path, "--language", "en");

        Assert.Equal((1, ""), (outcome.ExitCode, outcome.Stderr));
        using var json = JsonDocument.Parse(outcome.Stdout);
        var root = json.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.All(findings, f => Assert.Equal(FindingKeys, f.EnumerateObject().Select(p => p.Name)));
        Assert.All(findings, f => Assert.Contains(f.GetProperty("severity").GetString(), Severities));

        var amount = findings.Single(f => f.GetProperty("field").GetString() == "Bedrag 2024");
        Assert.Equal(("R11", "violation", 2), (amount.GetProperty("rule").GetString(), amount.GetProperty("severity").GetString(), amount.GetProperty("row").GetInt32()));
        Assert.Equal("R11: 'abc' is not an amount; write e.g. 35.000,00, 1.500, 0 or 35000.00 (leave the cell empty when the action does not run that year).", amount.GetProperty("message").GetString());

        var lapsed = findings.Single(f => f.GetProperty("rule").GetString() == "R12");
        Assert.Equal((3, "Code"), (lapsed.GetProperty("row").GetInt32(), lapsed.GetProperty("field").GetString()));

        // WSE-LR2 has no action at all; WSE-LR1 misses 2024 because its amount there is unreadable.
        var coverage = findings.Where(f => f.GetProperty("rule").GetString() == "R10").ToList();
        Assert.All(coverage, f => Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (f.GetProperty("row").ValueKind, f.GetProperty("field").ValueKind)));
        Assert.Equal(
            ["WSE-LR2 2023", "WSE-LR1 2024", "WSE-LR2 2024", "WSE-LR2 2025"],
            coverage.Select(f => f.GetProperty("message").GetString()!).Select(m => PriorityKeys.Single(p => m.Contains(p, StringComparison.Ordinal)) + " " + Years.Single(y => m.Contains($" in {y}.", StringComparison.Ordinal))));
        Assert.Equal([0, 0, 1, 1], root.GetProperty("coverage").GetProperty("2024").EnumerateObject().Select(p => p.Value.GetInt32()));
        Assert.Equal([1, 0, 1, 1], root.GetProperty("coverage").GetProperty("2023").EnumerateObject().Select(p => p.Value.GetInt32()));
    }

    [Fact]
    public async Task Text_ListsFindingsThenTheGridAndTotals()
    {
        var path = Plan("fouten.csv", "Oud;Uitleg;;LSEVBP01;1;1;1", Row("WSE-LR1", "35.000,00"), Row("WSE-LR2"), Row("WSE-LR3"), Row("WSE-LR4", "500,00"));

        var dutch = await Run.Cli("plan", "check", path, "--format", "text");
        var english = await Run.Cli("plan", "check", path, "--format", "text", "--language", "en");

        Assert.Equal(1, dutch.ExitCode);
        var lines = dutch.Stdout.Split('\n');
        Assert.Equal($"Meerjarenplan {path}, 2023-2025: 5 acties.", lines[0]);
        Assert.Equal("Niet in orde: 1 schending, 0 waarschuwingen.", lines[1]);
        Assert.Contains("- schending, rij 2, Code: R12: de oude rapporteringscode LSEVBP01 is vanaf 2023 vervallen.", dutch.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\n\s+2023\s+2024\s+2025\n", dutch.Stdout);
        Assert.Matches(@"\nWSE-LR1\s+1\s+1\s+1\n", dutch.Stdout);
        Assert.Matches(@"\nTotaal\s+35\.501,00\s+35\.501,00\s+35\.501,00\n", dutch.Stdout);
        Assert.Matches(@"\nTotal\s+35,501\.00\s+35,501\.00\s+35,501\.00\n", english.Stdout);
        Assert.StartsWith($"Multi-year plan {path}, 2023-2025: 5 actions.\nNot valid: 1 violation, 0 warnings.", english.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_IsCheckedLikeCsv()
    {
        PlanFileResult sample;
        using (var stream = File.OpenRead(SamplePath))
        {
            sample = PlanFile.Read(stream, SamplePath, PlanPeriod.OpenCall2023);
        }

        var path = Path.Combine(_files.Path, "plan.xlsx");
        using (var stream = File.Create(path))
        {
            PlanFile.WriteXlsx(stream, sample.Actions, PlanPeriod.OpenCall2023);
        }

        var xlsx = await Run.Cli("plan", "check", path);
        var csv = await Run.Cli("plan", "check", SamplePath);

        Assert.Equal(0, xlsx.ExitCode);
        Assert.Equal(csv.Stdout, xlsx.Stdout);
    }

    [Fact]
    public async Task Period_ChoosesTheColumns()
    {
        var outcome = await Run.Cli("plan", "check", SamplePath, "--period", "2023-2024");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        Assert.Equal(["2023", "2024"], json.RootElement.GetProperty("totals").EnumerateObject().Select(p => p.Name));
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(("warning", "Bedrag 2025"), (finding.GetProperty("severity").GetString(), finding.GetProperty("field").GetString()));
    }

    [Theory]
    [InlineData("2025-2023")]
    [InlineData("2023-2040")]
    [InlineData("volgend jaar")]
    public async Task BadPeriod_Exit2(string period)
    {
        var outcome = await Run.Cli("plan", "check", SamplePath, "--period", period);

        Assert.Equal((2, ""), (outcome.ExitCode, outcome.Stdout));
        Assert.StartsWith($"--period: '{period}' is geen periode", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingColumn_Exit2_StderrNamesTheFileAndTheColumn()
    {
        var path = _files.Lines("zonder-code.csv", "Actie omschrijving;Actie lange omschrijving;Actie commentaar;Bedrag 2023;Bedrag 2024;Bedrag 2025", "A;B;;1;1;1");

        var dutch = await Run.Cli("plan", "check", path);
        var english = await Run.Cli("plan", "check", path, "--language", "en");

        Assert.Equal((2, ""), (dutch.ExitCode, dutch.Stdout));
        Assert.StartsWith($"{path}, rij 1: de kopregel mist de kolom 'Code'.", dutch.Stderr, StringComparison.Ordinal);
        Assert.StartsWith($"{path}, row 1: the header lacks the column 'Code'.", english.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotAPlan_Exit2_NamingTheFile()
    {
        var png = Path.Combine(_files.Path, "logo.png");
        File.WriteAllBytes(png, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        var zip = Path.Combine(_files.Path, "kapot.xlsx");
        File.WriteAllBytes(zip, [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0]);
        var latin1 = Path.Combine(_files.Path, "latin1.csv");
        File.WriteAllBytes(latin1, Encoding.Latin1.GetBytes(Header + "\nSamenwerking één;B;;WSE-LR1;0;0;0\n"));
        var missing = Path.Combine(_files.Path, "bestaat-niet.csv");

        foreach (var path in new[] { png, zip, latin1, missing })
        {
            var outcome = await Run.Cli("plan", "check", path);

            Assert.True(outcome.ExitCode == 2, $"{path}: {outcome.ExitCode} {outcome.Stderr}");
            Assert.Equal("", outcome.Stdout);
            Assert.StartsWith(path, outcome.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", outcome.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BrokenFiles_AlwaysExit0Or1Or2_NeverACrash()
    {
        string[] lines = [Header, "Regisseur;<p>Loonkost</p>;;WSE-LR1;35.000,00;35.000,00;35.000,00", Row("WSE-LR2"), Row("WSE-LR3"), Row("WSE-LR4")];
        foreach (var (file, i) in CsvFuzz.Files(8201, 96, lines).Select((f, i) => (f, i)))
        {
            var path = Path.Combine(_files.Path, $"fuzz-{i}.csv");
            File.WriteAllBytes(path, file.Bytes);

            var outcome = await Run.Cli("plan", "check", path);

            Assert.True(outcome.ExitCode is 0 or 1 or 2, $"{file}: exit {outcome.ExitCode}");
            Assert.True(outcome.ExitCode == 2 ? outcome.Stdout == "" && outcome.Stderr.StartsWith(path, StringComparison.Ordinal) : outcome.Stderr == "", $"{file}: {outcome.Stderr}");
            Assert.DoesNotContain("Exception", outcome.Stderr + outcome.Stdout, StringComparison.Ordinal);
        }
    }

    private static string Row(string code, string amount = "0") => $"Actie {code};<p>Wat, waarom, hoe.</p>;;{code};{amount};{amount};{amount}";

    private string Plan(string name, params string[] rows) => _files.Lines(name, [Header, .. rows]);
}
