using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Applications.Documents;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Tests.Documents;
using Regiekamer.Core.Tests.TestSupport;

namespace Regiekamer.Core.Tests.Applications;

/// <summary>The dossier bundle (ZIP) of one version: its entries, the hash that can be checked, the plan that re-reads, safe names.</summary>
public sealed class DossierBundleTests
{
    private static readonly DateTimeOffset Created = new(2023, 3, 1, 10, 30, 0, TimeSpan.FromHours(1));

    private static readonly DateTime DecidedUtc = new(2023, 2, 20, 9, 0, 0, DateTimeKind.Utc);

    private static ApplicationDecision RequestChanges(int version = 1) => new()
    {
        Id = version,
        ApplicationId = Dossiers.ApplicationId,
        VersionNumber = version,
        Kind = DecisionKind.RequestChanges,
        Motivation = "Onvolledig.",
        Points = "Motiveer de uitbreiding.",
        ResponseDue = new DateOnly(2023, 3, 31),
        DecidedAtUtc = DecidedUtc,
    };

    private static ReviewCheck Check(string key, CheckVerdict verdict, int version = 1) => new()
    {
        ApplicationId = Dossiers.ApplicationId,
        VersionNumber = version,
        Check = key,
        Verdict = verdict,
        Note = verdict == CheckVerdict.Insufficient ? "Geen motivering." : null,
        ReviewedAtUtc = new DateTime(2023, 2, 1, 9, 0, 0, DateTimeKind.Utc),
    };

    private static byte[] Bundle(SubmittedVersion? version = null, List<ApplicationAttachment>? attachments = null, List<ApplicationDecision>? decisions = null, DateTimeOffset? created = null) =>
        DossierBundle.Create(
            version ?? Dossiers.Submitted(),
            attachments ?? Dossiers.Attachments(),
            [Check("R7b", CheckVerdict.Sufficient), Check("R6-motivation", CheckVerdict.Insufficient)],
            decisions ?? [RequestChanges()],
            created ?? Created);

    private static Dictionary<string, byte[]> Entries(byte[] zip, out List<ZipArchiveEntry> order)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        order = [.. archive.Entries];
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            return copy.ToArray();
        });
    }

    private static Dictionary<string, byte[]> Entries(byte[] zip) => Entries(zip, out _);

    [Fact]
    public void Bundle_HoldsTheVersion_ItsReceipt_ThePlan_TheReview_TheDecision_AndTheAttachments_InAFixedOrder()
    {
        Entries(Bundle(), out var order);

        Assert.Equal(
            [
                "LEESMIJ.txt", "inhoud.json", "SHA256SUMS", "ontvangstbewijs-versie-1.pdf", "versie-1.pdf",
                "meerjarenplan-versie-1.csv", "meerjarenplan-versie-1.xlsx", "beoordeling.pdf", "beslissing-versie-1.pdf",
                "bijlagen/Verbintenis Berlare.pdf", "bijlagen/Zele_gemeenteraad.pdf", "bijlagen/verbintenis.pdf", "bijlagen/verbintenis (2).pdf",
                "bijlagen/Toelichting regio.pdf",
            ],
            order.Select(e => e.FullName));
        Assert.All(order, e => Assert.Equal(new DateTime(2023, 3, 1, 10, 30, 0), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void InhoudJson_IsTheStoredJson_WhoseSha256IsTheReceipts()
    {
        var version = Dossiers.Submitted();

        var json = Entries(Bundle(version))["inhoud.json"];

        Assert.Equal(Encoding.UTF8.GetBytes(version.Stored.Content), json);
        Assert.Equal(version.Receipt.Sha256, Convert.ToHexStringLower(SHA256.HashData(json)));
        Assert.Equal(version.Content, ApplicationContent.FromJson(Encoding.UTF8.GetString(json)), new ContentComparer());
    }

    [Fact]
    public void Sha256Sums_CheckInhoudJson_AndEveryAttachment()
    {
        var entries = Entries(Bundle());

        var lines = Encoding.UTF8.GetString(entries["SHA256SUMS"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(6, lines.Length);
        foreach (var line in lines)
        {
            var (hash, name) = (line[..64], line[66..]);
            Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(entries[name])));
        }
    }

    [Fact]
    public void LeesMij_SaysWhatIsInTheBundle_AndHowToCheckTheHash()
    {
        var version = Dossiers.Submitted();

        var text = Encoding.UTF8.GetString(Entries(Bundle(version))["LEESMIJ.txt"]);

        Assert.Contains("Dossierpakket RK-2023-0007, versie 1", text, StringComparison.Ordinal);
        Assert.Contains("sha256sum inhoud.json", text, StringComparison.Ordinal);
        Assert.Contains($"De uitkomst moet gelijk zijn aan {version.Receipt.Sha256}.", text, StringComparison.Ordinal);
        Assert.Contains("sha256sum -c SHA256SUMS", text, StringComparison.Ordinal);
        Assert.Contains("bijlagen/verbintenis (2).pdf", text, StringComparison.Ordinal);
        Assert.Contains("verbintenisverklaring van Waasmunster (NIS-code 42023), gemeenteraadsbesluit van 20/12/2022", text, StringComparison.Ordinal);
        Assert.Contains("opgeladen als: verbintenis.pdf", text, StringComparison.Ordinal);
        Assert.DoesNotContain("LET OP", text, StringComparison.Ordinal);
    }

    [Fact]
    public void LeesMij_WarnsWhenTheStoredContentNoLongerMatchesTheReceipt()
    {
        var version = Dossiers.Submitted();
        version.Stored.Content = version.Stored.Content.Replace("Regie Durmeland", "Regie Durme", StringComparison.Ordinal);

        var text = Encoding.UTF8.GetString(Entries(Bundle(version))["LEESMIJ.txt"]);

        Assert.Contains("LET OP: de SHA-256 van inhoud.json in dit pakket is", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePlan_AsCsvAndXlsx_ReadsBackIntoTheSameActions()
    {
        var version = Dossiers.Submitted();
        var entries = Entries(Bundle(version));
        var expected = VersionPlan.Actions(version.Content);

        foreach (var name in new[] { "meerjarenplan-versie-1.csv", "meerjarenplan-versie-1.xlsx" })
        {
            var read = Plans.Read(entries[name], name);

            Assert.True(read.IsReadable, read.Error?.Message.Nl);
            Assert.Empty(read.Findings);
            Assert.Equal(expected, read.Actions.Select(a => a with { Row = null }));
            Assert.True(read.Check(Plans.Period).Valid);
        }

        Assert.Contains("=SOM(B2:B9) is geen formule", expected.Select(a => a.Comment));
        Assert.StartsWith("\uFEFFBeleidsdoelstelling;Actieplan;Actie omschrijving", Encoding.UTF8.GetString(entries["meerjarenplan-versie-1.csv"]), StringComparison.Ordinal);
    }

    [Fact]
    public void ThePdfs_AreTheVersionsDocuments()
    {
        var version = Dossiers.Submitted();
        var entries = Entries(Bundle(version));

        Assert.Equal(ReceiptPdf.Create(version.Receipt, version.Content), entries["ontvangstbewijs-versie-1.pdf"]);
        Assert.Equal(VersionPdf.Create(version.Content, version.Receipt), entries["versie-1.pdf"]);
        Assert.Contains("Versie 1: aanpassing gevraagd op 20/02/2023 om 10:00", PdfText.Read(entries["beoordeling.pdf"]).AllLines);
        Assert.Contains("Beslissing over uw aanvraag: aanpassing gevraagd", PdfText.Read(entries["beslissing-versie-1.pdf"]).AllLines);
    }

    [Fact]
    public void Bundle_IsTheSameBytes_ForTheSameInputs_AndDiffersOnlyByTheDatePassedIn()
    {
        var first = Bundle();
        var second = Bundle();
        var later = Bundle(created: Created.AddDays(1));

        Assert.Equal(first, second);
        Assert.NotEqual(first, later);
        Assert.Equal(Entries(first)["meerjarenplan-versie-1.xlsx"], Entries(second)["meerjarenplan-versie-1.xlsx"]);
    }

    [Fact]
    public void AHostileAttachmentName_StaysInsideBijlagen_AndUnique()
    {
        var uploaded = new DateTime(2023, 1, 2, 9, 0, 0, DateTimeKind.Utc);
        var attachments = new List<ApplicationAttachment>
        {
            Dossiers.Attachment(11, "../../x.pdf", "a", uploaded, AttachmentKind.Other),
            Dossiers.Attachment(12, "..\\..\\x.pdf", "b", uploaded, AttachmentKind.Other),
            Dossiers.Attachment(13, "X.PDF", "c", uploaded, AttachmentKind.Other),
            Dossiers.Attachment(14, "/etc/passwd", "d", uploaded, AttachmentKind.Other),
            Dossiers.Attachment(15, "C:\\Windows\\win.ini", "e", uploaded, AttachmentKind.Other),
            Dossiers.Attachment(16, "..", "f", uploaded, AttachmentKind.Other),
            Dossiers.Attachment(17, "factuur\u202Efdp.exe", "g", uploaded, AttachmentKind.Other),
            Dossiers.Attachment(18, "CON.pdf", "h", uploaded, AttachmentKind.Other),
            Dossiers.Attachment(19, "x (2).pdf", "i", uploaded, AttachmentKind.Other),
        };

        var entries = Entries(Bundle(attachments: attachments, decisions: []), out var order);
        var names = order.Select(e => e.FullName).Where(n => n.StartsWith("bijlagen/", StringComparison.Ordinal)).ToList();

        Assert.Equal(
            [
                "bijlagen/x.pdf", "bijlagen/x (2).pdf", "bijlagen/X (3).pdf", "bijlagen/passwd.pdf", "bijlagen/win.ini.pdf",
                "bijlagen/bijlage.pdf", "bijlagen/factuurfdp.exe.pdf", "bijlagen/_CON.pdf", "bijlagen/x (2) (2).pdf",
            ],
            names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var root = Path.Combine(Path.GetTempPath(), "bundle-root");
        Assert.All(order, e => Assert.StartsWith(root + Path.DirectorySeparatorChar, Path.GetFullPath(Path.Combine(root, e.FullName)), StringComparison.Ordinal));
        Assert.Equal(Dossiers.PdfBytes("a"), entries["bijlagen/x.pdf"]);
        Assert.Equal(Dossiers.PdfBytes("b"), entries["bijlagen/x (2).pdf"]);
        Assert.DoesNotContain("beslissing-versie-1.pdf", entries.Keys);
    }

    [Theory]
    [InlineData("verbintenis.pdf", "verbintenis.pdf")]
    [InlineData("Verbintenis Zele.PDF", "Verbintenis Zele.pdf")]
    [InlineData("../../x.pdf", "x.pdf")]
    [InlineData("  .hidden.pdf  ", "hidden.pdf")]
    [InlineData("a:b?c*d|e<f>g\"h.pdf", "abcdefgh.pdf")]
    [InlineData("regel\nbreuk\t.pdf", "regel breuk.pdf")]
    [InlineData("lpt1", "_lpt1.pdf")]
    [InlineData("nul.tar.pdf", "_nul.tar.pdf")]
    [InlineData("", "bijlage.pdf")]
    [InlineData(null, "bijlage.pdf")]
    [InlineData("....pdf", "bijlage.pdf")]
    [InlineData("beslissing gemeenteraad – Sint-Gillis-Waas (café).pdf", "beslissing gemeenteraad – Sint-Gillis-Waas (café).pdf")]
    public void SafeFileName_KeepsTheLastPartOfAName_WithoutWhatCouldHarm(string? name, string expected) =>
        Assert.Equal(expected, DossierBundle.SafeFileName(name));

    [Fact]
    public void SafeFileName_ShortensLongNames_WithoutCuttingACharacterInTwo()
    {
        var name = DossierBundle.SafeFileName(new string('é', 50) + string.Concat(Enumerable.Repeat("😀", 60)) + ".pdf");

        Assert.True(name.Length <= 120, name);
        Assert.EndsWith("😀.pdf", name, StringComparison.Ordinal);
        Assert.Equal(name.Normalize(NormalizationForm.FormC), name);
    }

    [Fact]
    public void AttachmentsUploadedAfterTheVersionWasSubmitted_BelongToALaterVersion()
    {
        var attachments = Dossiers.Attachments();
        attachments.Add(Dossiers.Attachment(6, "Na de indiening.pdf", "later", Dossiers.SubmittedUtc.AddMinutes(1), AttachmentKind.Other));

        var entries = Entries(Bundle(attachments: attachments));

        Assert.DoesNotContain("bijlagen/Na de indiening.pdf", entries.Keys);
        Assert.Contains("bijlagen/Toelichting regio.pdf", entries.Keys);
    }

    [Fact]
    public void DecisionsOnLaterVersions_AreNotInTheBundleOfAnEarlierOne()
    {
        var approved = new ApplicationDecision
        {
            Id = 2,
            ApplicationId = Dossiers.ApplicationId,
            VersionNumber = 2,
            Kind = DecisionKind.Approve,
            Motivation = "In orde.",
            DecidedAtUtc = DecidedUtc.AddDays(30),
        };

        var entries = Entries(Bundle(decisions: [RequestChanges(), approved]));
        var review = string.Join("\n", PdfText.Read(entries["beoordeling.pdf"]).AllLines);

        Assert.Contains("Versie 1: aanpassing gevraagd", review, StringComparison.Ordinal);
        Assert.DoesNotContain("Versie 2", review, StringComparison.Ordinal);
        Assert.Contains("Beslissing over uw aanvraag: aanpassing gevraagd", PdfText.Read(entries["beslissing-versie-1.pdf"]).AllLines);
    }

    [Fact]
    public void FilesOfAnotherDossier_AreABug()
    {
        var attachments = Dossiers.Attachments();
        attachments[0].ApplicationId = 8;

        Assert.Throws<ArgumentException>(() => Bundle(attachments: attachments));
    }

    [Fact]
    public void FileName_NamesTheDossierAndVersion() =>
        Assert.Equal("RK-2023-0007-versie-1.zip", DossierBundle.FileName(Dossiers.Submitted().Receipt));

    /// <summary>Contents equal by their canonical JSON (records with lists compare by reference).</summary>
    private sealed class ContentComparer : IEqualityComparer<ApplicationContent>
    {
        public bool Equals(ApplicationContent? x, ApplicationContent? y) => x?.ToJson() == y?.ToJson();

        public int GetHashCode(ApplicationContent obj) => obj.ToJson().GetHashCode(StringComparison.Ordinal);
    }
}
