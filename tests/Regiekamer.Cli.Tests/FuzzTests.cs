using Regiekamer.TestCommon;

namespace Regiekamer.Cli.Tests;

/// <summary>
/// Issue 7: random and half-valid CSV files (fixed seed) given to <c>allocate</c> and <c>eligibility</c> once ended in
/// an unhandled CsvHelper exception. Now each run ends with exit code 1, nothing on stdout, and on stderr only our
/// errors, each naming the file and a row.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private static readonly string[] Partnerships =
    [
        "name,kind,members,managing_municipality,status",
        "Scheldeland,interlocal-association,Hamme;Laarne;Wetteren;Wichelen;Zele,Wetteren,existing",
        "Gent,central-city,Gent,,existing",
    ];

    // The members of both partnerships: Hamme, Laarne, Wetteren, Wichelen, Zele and Gent.
    private static readonly string[] JobSeekers = ["nis_code,job_seekers", "42008,612", "42010,300", "42025,580", "42026,270", "42028,498", "44021,9000"];

    private static readonly string[] Population =
        ["nis_code,working_age_population,inhabitants", "42008,16012,25321", "42010,8123,12655", "42025,16000,25000", "42026,7500,12000", "42028,14001,21877", "44021,174053,263927"];

    private readonly TempFolder _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task StartingPoints_AreValid()
    {
        var partnerships = _files.Lines("verbanden.csv", Partnerships);

        Assert.Equal(0, (await Run.Cli("eligibility", "--partnerships", partnerships)).ExitCode);
        var allocate = await Run.Cli("allocate", "--partnerships", partnerships, "--job-seekers", _files.Lines("wz.csv", JobSeekers), "--population", _files.Lines("bev.csv", Population));

        Assert.True(allocate.ExitCode == 0, allocate.Stderr);
    }

    [Theory]
    [InlineData("eligibility", 7101)]
    [InlineData("allocate", 7102)]
    public async Task BrokenPartnershipFiles_Exit1_WithErrorsNamingTheFile(string verb, int seed)
    {
        foreach (var (file, i) in CsvFuzz.Files(seed, 240, Partnerships).Select((f, i) => (f, i)))
        {
            var path = Write($"verbanden-{i}.csv", file);

            var outcome = await Run.Cli(verb, "--partnerships", path, "--on", "2025-06-01");

            AssertRefused(outcome, file, path);
        }
    }

    [Theory]
    [InlineData("--job-seekers", 7103)]
    [InlineData("--population", 7104)]
    public async Task BrokenFigureFiles_Exit1_WithErrorsNamingTheFile(string option, int seed)
    {
        var partnerships = _files.Lines("verbanden.csv", Partnerships);
        foreach (var (file, i) in CsvFuzz.Files(seed, 240, option == "--population" ? Population : JobSeekers).Select((f, i) => (f, i)))
        {
            var path = Write($"cijfers-{i}.csv", file);

            var outcome = await Run.Cli("allocate", "--partnerships", partnerships, option, path, "--on", "2025-06-01");

            AssertRefused(outcome, file, path);
        }
    }

    [Fact]
    public async Task Latin1File_SaysNotUtf8_InBothLanguages()
    {
        var path = Path.Combine(_files.Path, "verbanden-latin1.csv");
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(string.Join("\n", [.. Partnerships, "Scheldeland één,central-city,Gent,,existing"])));

        var dutch = await Run.Cli("eligibility", "--partnerships", path);
        var english = await Run.Cli("eligibility", "--partnerships", path, "--language", "en");

        Assert.Equal((1, ""), (dutch.ExitCode, dutch.Stdout));
        Assert.StartsWith($"{path}, rij 4: het bestand is niet in UTF-8 (bewaar het bestand als UTF-8): byte 0xE9", dutch.Stderr, StringComparison.Ordinal);
        Assert.StartsWith($"{path}, row 4: the file is not UTF-8 (save the file as UTF-8): byte 0xE9", english.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BrokenFiles_Exit1_AndAddNoDataset()
    {
        var connection = $"Data Source={Path.Combine(_files.Path, "regiekamer.db")};Pooling=False";
        Assert.Equal(0, (await Run.Cli("db", "migrate", "--connection", connection)).ExitCode);
        await using var db = new Regiekamer.Core.Data.RegiekamerDb(new Regiekamer.Core.Data.DatabaseOptions(Regiekamer.Core.Data.DatabaseProvider.Sqlite, connection).Build());
        var before = db.Datasets.Count();

        foreach (var (file, i) in CsvFuzz.Files(7105, 48, JobSeekers).Select((f, i) => (f, i)))
        {
            var path = Write($"import-{i}.csv", file);

            var outcome = await Run.Cli("import", "job-seekers", path, "--reference-date", "2024-06-30", "--source", "VDAB", "--connection", connection);

            AssertRefused(outcome, file, path);
        }

        Assert.Equal(before, db.Datasets.Count());
    }

    private string Write(string name, FuzzFile file)
    {
        var path = Path.Combine(_files.Path, name);
        File.WriteAllBytes(path, file.Bytes);
        return path;
    }

    private static void AssertRefused(CliOutcome outcome, FuzzFile file, string path)
    {
        var what = $"{file} in {path}";
        Assert.True(outcome.ExitCode == 1, $"{what}: exit code {outcome.ExitCode}\n{outcome.Stderr}");
        Assert.Equal("", outcome.Stdout);
        var lines = outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.True(line.StartsWith(path + ", rij ", StringComparison.Ordinal), $"{what}: '{line}'"));
        foreach (var leak in new[] { "Exception", "CsvHelper", "   at " })
        {
            Assert.False(outcome.Stderr.Contains(leak, StringComparison.Ordinal), $"{what}: '{leak}' on stderr:\n{outcome.Stderr}");
        }
    }
}
