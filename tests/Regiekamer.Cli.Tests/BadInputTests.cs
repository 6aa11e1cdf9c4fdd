namespace Regiekamer.Cli.Tests;

/// <summary>Every kind of bad input: exit code 1, each problem named on stderr (file, row, value), nothing on stdout.</summary>
public sealed class BadInputTests : IDisposable
{
    private const string Header = "name,kind,members,managing_municipality,status";
    private const string Good = "Scheldeland,interlocal-association,Hamme;Laarne;Wetteren;Wichelen;Zele,Wetteren,existing";

    private readonly TempFolder _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string, string[], string[]> PartnershipFiles => new()
    {
        { "unknown municipality", [Header, "Scheldeland,interlocal-association,Hamme;Atlantis;Zele,Hamme,existing"], ["rij 2", "members", "'Atlantis'"] },
        { "unknown NIS code", [Header, "Scheldeland,interlocal-association,42008;99999,42008,existing"], ["rij 2", "members", "'99999'"] },
        { "unknown kind", [Header, Good, "Gent,city,Gent,,existing"], ["rij 3", "kind", "'city'"] },
        { "unknown status", [Header, "Gent,central-city,Gent,,old"], ["rij 2", "status", "'old'"] },
        { "managing municipality not a member", [Header, "Duo,interlocal-association,Hamme;Zele,Gent,new"], ["rij 2", "managing_municipality", "'Gent'", "R4"] },
        { "missing column", ["name,kind,members,status", "Gent,central-city,Gent,existing"], ["rij 1", "managing_municipality"] },
        { "missing name", [Header, ",central-city,Gent,,existing"], ["rij 2", "veld name", "''"] },
        { "no members", [Header, "Leeg,interlocal-association,,,new"], ["rij 2", "members"] },
        { "duplicate name", [Header, Good, "scheldeland,central-city,Gent,,existing"], ["rij 3", "'scheldeland'", "rij 2"] },
        { "empty file", [""], ["rij 1"] },
        { "header only", [Header], ["geen regieverbanden"] },
    };

    [Theory]
    [MemberData(nameof(PartnershipFiles))]
    public async Task Eligibility_BadPartnershipFile_Exits1NamingFileRowAndValue(string because, string[] lines, string[] expected)
    {
        var file = _files.Lines("verbanden.csv", lines);

        var outcome = await Run.Cli("eligibility", "--partnerships", file, "--on", "2025-06-01");

        AssertBadInput(outcome, because, [file, .. expected]);
    }

    [Theory]
    [MemberData(nameof(PartnershipFiles))]
    public async Task Allocate_BadPartnershipFile_Exits1NamingFileRowAndValue(string because, string[] lines, string[] expected)
    {
        var file = _files.Lines("verbanden.csv", lines);

        var outcome = await Run.Cli("allocate", "--partnerships", file, "--on", "2025-06-01");

        AssertBadInput(outcome, because, [file, .. expected]);
    }

    public static TheoryData<string, string, string[], string[]> FigureFiles => new()
    {
        { "non-numeric figure", "--population", ["nis_code,working_age_population", "42008,12x"], ["rij 2", "working_age_population", "'12x'"] },
        { "thousands separator", "--population", ["nis_code,working_age_population", "42008,15.680"], ["rij 2", "'15.680'"] },
        { "negative figure", "--job-seekers", ["nis_code,job_seekers", "42008,-3"], ["rij 2", "job_seekers", "'-3'"] },
        { "unknown NIS code", "--job-seekers", ["nis_code,job_seekers", "42008,3", "12345,4"], ["rij 3", "nis_code", "'12345'"] },
        { "missing column", "--population", ["nis_code,inhabitants", "42008,25000"], ["rij 1", "working_age_population"] },
        { "twice the same municipality", "--job-seekers", ["nis_code,job_seekers", "42008,3", "42008,4"], ["rij 3", "'42008'", "rij 2"] },
    };

    [Theory]
    [MemberData(nameof(FigureFiles))]
    public async Task Allocate_BadFigureFile_Exits1NamingFileRowAndValue(string because, string option, string[] lines, string[] expected)
    {
        var partnerships = _files.Lines("verbanden.csv", Header, Good);
        var figures = _files.Lines("cijfers.csv", lines);

        var outcome = await Run.Cli("allocate", "--partnerships", partnerships, option, figures, "--on", "2025-06-01");

        AssertBadInput(outcome, because, [figures, .. expected]);
    }

    [Theory]
    [InlineData("--budget", "1.234")]
    [InlineData("--budget", "3.000.000")]
    [InlineData("--budget", "3,000,000")]
    [InlineData("--budget", "-5")]
    [InlineData("--budget", "drie miljoen")]
    [InlineData("--weights", "40,20")]
    [InlineData("--weights", "40,-20,40")]
    [InlineData("--weights", "0,0,0")]
    [InlineData("--weights", "40;20;40")]
    [InlineData("--weights", "40,20,4.5")]
    [InlineData("--on", "2025-13-01")]
    [InlineData("--on", "1/6/2025")]
    public async Task Allocate_BadOptionValue_Exits1NamingOptionAndValue(string option, string value)
    {
        var partnerships = _files.Lines("verbanden.csv", Header, Good);

        var outcome = await Run.Cli("allocate", "--partnerships", partnerships, option, value);

        AssertBadInput(outcome, option, [option, $"'{value}'"]);
    }

    [Fact]
    public async Task Eligibility_BadDate_Exits1()
    {
        var partnerships = _files.Lines("verbanden.csv", Header, Good);

        var outcome = await Run.Cli("eligibility", "--partnerships", partnerships, "--on", "2025-02-30");

        AssertBadInput(outcome, "bad date", ["--on", "'2025-02-30'"]);
    }

    [Fact]
    public async Task MissingFile_Exits1NamingIt()
    {
        var missing = Path.Combine(_files.Path, "bestaat-niet.csv");

        var eligibility = await Run.Cli("eligibility", "--partnerships", missing);
        var allocate = await Run.Cli("allocate", "--partnerships", _files.Lines("verbanden.csv", Header, Good), "--population", missing);

        AssertBadInput(eligibility, "missing partnerships file", [missing]);
        AssertBadInput(allocate, "missing population file", [missing]);
    }

    [Fact]
    public async Task Directory_InsteadOfFile_Exits1NamingIt()
    {
        var outcome = await Run.Cli("eligibility", "--partnerships", _files.Path);

        AssertBadInput(outcome, "a directory", [_files.Path]);
    }

    [Fact]
    public async Task AllProblemsAreReported_NotJustTheFirst()
    {
        var partnerships = _files.Lines("verbanden.csv", Header, "A,city,Hamme;Zele,Hamme,new", Good, "B,interlocal-association,Atlantis;Zele,Zele,soon");
        var population = _files.Lines("bevolking.csv", "nis_code,working_age_population", "42008,x");

        var outcome = await Run.Cli("allocate", "--partnerships", partnerships, "--population", population, "--budget", "abc", "--weights", "1,2", "--on", "gisteren");

        AssertBadInput(outcome, "many problems", ["rij 2", "'city'", "rij 4", "'Atlantis'", "'soon'", "bevolking.csv", "'x'", "--budget", "--weights", "--on"]);
        Assert.Equal(7, outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task LanguageEn_GivesEnglishErrors()
    {
        var file = _files.Lines("verbanden.csv", Header, "Gent,city,Gent,,existing");

        var outcome = await Run.Cli("eligibility", "--partnerships", file, "--language", "en");

        AssertBadInput(outcome, "english", ["row 2", "field kind", "value 'city'", "is not known"]);
    }

    [Theory]
    [InlineData("eligibility", "--partnerships", "x.csv", "--bogus")]
    [InlineData("eligibility")]
    [InlineData("allocate", "--partnerships", "x.csv", "--format", "xml")]
    [InlineData("eligibility", "--partnerships", "x.csv", "--language", "fr")]
    [InlineData("import", "population", "x.csv", "--source", "Statbel")]
    [InlineData("frobnicate")]
    [InlineData("db")]
    public async Task UsageErrors_Exit2(params string[] args)
    {
        var outcome = await Run.Cli(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.NotEqual("", outcome.Stderr);
    }

    [Fact]
    public async Task NoCommand_IsAUsageError()
    {
        var outcome = await Run.Cli();

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
    }

    [Fact]
    public async Task Help_Exits0OnStdout()
    {
        var outcome = await Run.Cli("allocate", "--help");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("--eligible-only", outcome.Stdout, StringComparison.Ordinal);
    }

    private static void AssertBadInput(CliOutcome outcome, string because, string[] expected)
    {
        Assert.True(outcome.ExitCode == 1, $"{because}: exit code {outcome.ExitCode}, stderr: {outcome.Stderr}");
        Assert.True(outcome.Stdout.Length == 0, $"{because}: stdout should be empty but was: {outcome.Stdout}");
        foreach (var text in expected)
        {
            Assert.True(outcome.Stderr.Contains(text, StringComparison.Ordinal), $"{because}: stderr lacks \"{text}\": {outcome.Stderr}");
        }
    }
}
