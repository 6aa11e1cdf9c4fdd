using System.Text;
using Regiekamer.Core.Common;
using Regiekamer.Core.Imports;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.Tests.TestSupport;
using Regiekamer.TestCommon;

namespace Regiekamer.Core.Tests.Imports;

/// <summary>
/// Issue 7: bad CSV never crashes a reader. A few hundred broken files (fixed seed) through both parsers, as bytes
/// (decoded strictly, as the CLI, the API and the import page do) and as text read leniently: every one gives errors
/// that name the file and a row in both languages, and none leaks CsvHelper's internals.
/// </summary>
public sealed class CsvFuzzTests
{
    private const string File = "fuzz.csv";

    public static readonly IReadOnlyList<string> PartnershipLines =
    [
        "name,kind,members,managing_municipality,status,change_motivation",
        "Scheldeland,interlocal-association,Hamme;Laarne;Wetteren;Wichelen;Zele,Wetteren,existing,",
        "Gent,central-city,Gent,,existing,",
    ];

    public static readonly IReadOnlyList<string> FigureLines = ["nis_code,job_seekers", "42008,612", "44021,9000"];

    [Fact]
    public void ValidFiles_TheFuzzStartsFrom_AreValid()
    {
        Assert.True(PartnershipCsv.Parse(File, new StringReader(string.Join("\n", PartnershipLines)), Shipped.Snapshot).IsSuccess);
        Assert.True(FigureCsv.Parse(File, new StringReader(string.Join("\n", FigureLines)), FigureFileKind.JobSeekers, Shipped.Snapshot).IsSuccess);
    }

    [Fact]
    public void PartnershipCsv_BrokenFiles_GiveErrorsNamingFileAndRow_NeverAnException()
    {
        var kinds = new Dictionary<string, int>();
        foreach (var file in CsvFuzz.Files(seed: 7001, count: 400, PartnershipLines))
        {
            AssertRead(file, kinds, text => PartnershipCsv.Parse(File, new StringReader(text), Shipped.Snapshot).Errors);
        }

        AssertEveryKindRefused(kinds);
    }

    [Fact]
    public void FigureCsv_BrokenFiles_GiveErrorsNamingFileAndRow_NeverAnException()
    {
        var kinds = new Dictionary<string, int>();
        foreach (var (file, index) in CsvFuzz.Files(seed: 7002, count: 400, FigureLines).Select((f, i) => (f, i)))
        {
            var kind = index % 2 == 0 ? FigureFileKind.JobSeekers : FigureFileKind.Population;
            AssertRead(file, kinds, text => FigureCsv.Parse(File, new StringReader(text), kind, Shipped.Snapshot).Errors);
        }

        AssertEveryKindRefused(kinds);
    }

    [Theory]
    [InlineData("name,kind,members,managing_municipality,status\n\"Gent,central-city,Gent,,existing\n", "rij 2")] // a quoted field never closed
    [InlineData("name,kind,members,managing_municipality,status\nGe\"nt,central-city,Gent,,existing\n", "rij 2")]
    [InlineData("name,kind,members,managing_municipality,status\nGent,central-city,Gent,,exis\0ting\n", "rij 2")]
    public void PartnershipCsv_StrayQuoteOrNul_NamesTheRow(string text, string row)
    {
        var errors = PartnershipCsv.Parse(File, new StringReader(text), Shipped.Snapshot).Errors;

        var error = Assert.Single(errors);
        Assert.StartsWith($"{File}, {row}", error.Message.Nl, StringComparison.Ordinal);
        Assert.DoesNotContain("CsvHelper", error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Latin1_SaysNotUtf8_WithTheRow()
    {
        var bytes = Encoding.Latin1.GetBytes("nis_code,job_seekers\n42008,612\n# Sint-Niklaas é\n");

        var decoded = CsvText.Decode(File, bytes);

        var error = Assert.Single(decoded.Errors);
        Assert.Equal("fuzz.csv, rij 3: het bestand is niet in UTF-8 (bewaar het bestand als UTF-8): byte 0xE9 op positie 47 is geen UTF-8.", error.Message.Nl);
        Assert.Equal("fuzz.csv, row 3: the file is not UTF-8 (save the file as UTF-8): byte 0xE9 at position 47 is not UTF-8.", error.Message.En);
        Assert.Equal(("file", CsvText.UnreadableCode), (error.Field, error.Code));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Decode_Utf16_IsRefused_Utf8WithByteOrderMark_IsRead(bool bigEndian)
    {
        var utf16 = new UnicodeEncoding(bigEndian, byteOrderMark: true);

        var refused = CsvText.Decode(File, [.. utf16.GetPreamble(), .. utf16.GetBytes("nis_code,job_seekers\n")]);
        var read = CsvText.Decode(File, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("nis_code,job_seekers\nGeëmigreerd\n")]);

        Assert.Contains("niet in UTF-8", Assert.Single(refused.Errors).Message.Nl, StringComparison.Ordinal);
        Assert.Equal("nis_code,job_seekers\nGeëmigreerd\n", read.Value);
    }

    [Fact]
    public void HugeValue_IsShortenedInTheMessage()
    {
        var text = "nis_code,job_seekers\n" + new string('9', 5000) + ",1\n";

        var error = Assert.Single(FigureCsv.Parse(File, new StringReader(text), FigureFileKind.JobSeekers, Shipped.Snapshot).Errors);

        Assert.True(error.Message.Nl.Length < 300, error.Message.Nl);
        Assert.Contains("'" + new string('9', 59) + "…'", error.Message.Nl, StringComparison.Ordinal);
    }

    /// <summary>
    /// The file as the edges read it (bytes decoded strictly) is refused; its text read leniently (UTF-8 with
    /// replacement characters, Latin-1), straight into the parser, may even be valid, but never throws.
    /// </summary>
    private static void AssertRead(FuzzFile file, Dictionary<string, int> kinds, Func<string, IReadOnlyList<DomainError>> parse)
    {
        var decoded = CsvText.Decode(File, file.Bytes);
        var errors = decoded.IsSuccess ? parse(decoded.Value!) : decoded.Errors;
        Assert.True(errors.Count > 0, $"{file}: accepted");
        AssertWellFormed(file, errors);
        kinds[file.Kind] = kinds.GetValueOrDefault(file.Kind) + 1;
        AssertWellFormed(file, parse(Encoding.UTF8.GetString(file.Bytes)));
        AssertWellFormed(file, parse(Encoding.Latin1.GetString(file.Bytes)));
    }

    private static void AssertWellFormed(FuzzFile file, IReadOnlyList<DomainError> errors)
    {
        foreach (var error in errors)
        {
            Assert.Matches($@"^{File}, rij \d+[,:]", error.Message.Nl);
            Assert.Matches($@"^{File}, row \d+[,:]", error.Message.En);
            Assert.True(error.Message.Nl.Length < 12_000, $"{file}: a message of {error.Message.Nl.Length} characters");
            foreach (var leak in new[] { "CsvHelper", "Exception", "IReader", "RawRecord", "   at " })
            {
                Assert.False(error.Message.Nl.Contains(leak, StringComparison.Ordinal) || error.Message.En.Contains(leak, StringComparison.Ordinal), $"{file}: '{leak}' in {error.Message.En}");
            }
        }
    }

    private static void AssertEveryKindRefused(Dictionary<string, int> kinds) => Assert.Equal(CsvFuzz.Kinds.Order(StringComparer.Ordinal), kinds.Keys.Order(StringComparer.Ordinal));
}
