using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Applications.Plan;

namespace Regiekamer.Core.Tests.TestSupport;

/// <summary>A submitted dossier for the document tests: Regie Durmeland with the eleven actions of seed 003's annex.</summary>
public static class Dossiers
{
    public const int ApplicationId = 7;
    public const string DossierNumber = "RK-2023-0007";

    /// <summary>15/01/2023 14:05 in Brussels (winter time, UTC+1).</summary>
    public static readonly DateTime SubmittedUtc = new(2023, 1, 15, 13, 5, 0, DateTimeKind.Utc);

    public static readonly ContentMember Berlare = new("42003", "Berlare");
    public static readonly ContentMember Hamme = new("42008", "Hamme");
    public static readonly ContentMember Waasmunster = new("42023", "Waasmunster");
    public static readonly ContentMember Zele = new("42028", "Zele");

    public static ContentCall Call { get; } = new("2023-2025", 1, "2023-01-15", 2023, 2025);

    public static ContentPartnership Durmeland(string kind = "interlocal-association", string? managing = "42028", params ContentMember[] members) => new(
        3,
        "Regie Durmeland",
        kind,
        "changed",
        members.Length == 0 ? [Berlare, Hamme, Waasmunster, Zele] : members,
        managing,
        "Uitbreiding met Berlare en Waasmunster.\nDe samenwerking volgt die van wijk-werken in de regio.");

    /// <summary>The annex's actions, under four policy goals, one with a comment that looks like a formula and one amount with cents.</summary>
    public static IReadOnlyList<ContentAction> Actions()
    {
        using var file = File.OpenRead(Plans.SamplePath);
        var read = PlanFile.Read(file, "plan-2023-2025.csv", Plans.Period);
        return read.Actions.Select((a, i) => new ContentAction(
            100 + i,
            i + 1,
            i switch { < 4 => "De lokale regierol opnemen", < 7 => "Werk voor wie ver van de arbeidsmarkt staat", < 9 => "Sociaal ondernemen", _ => "Samenwerken met VDAB" },
            i switch { < 2 => "Regie en omgevingsanalyse", < 4 => "Netwerking", < 7 => "Drempels wegnemen", < 9 => null, _ => "Lokale samenwerkingsovereenkomst" },
            a.ShortDescription,
            a.LongDescription,
            i switch { 3 => "Resultaat 2022: 40 deelnemers, 12 nieuwe samenwerkingen.", 8 => "=SOM(B2:B9) is geen formule", _ => a.Comment },
            a.Code,
            a.Amounts.ToDictionary(
                x => x.Key.ToString(CultureInfo.InvariantCulture),
                x => (i == 10 && x.Key == 2025 ? new Core.Common.Money(x.Value.Cents + 1_234_56) : x.Value).ToInvariantString()))).ToList();
    }

    public static ApplicationContent Content(int version = 1, ContentPartnership? partnership = null, IReadOnlyList<ContentCommitment>? commitments = null) => new(
        DossierNumber,
        version,
        Call,
        partnership ?? Durmeland(),
        new ContentInformation(true, "0316381039", "BE68539007547034", true),
        commitments ??
        [
            new("42003", "Berlare", "2022-12-12", "Verbintenis Berlare.pdf", Sha("berlare")),
            new("42008", "Hamme", "2022-12-19", "verbintenis.pdf", Sha("hamme")),
            new("42023", "Waasmunster", "2022-12-20", "verbintenis.pdf", Sha("waasmunster")),
            new("42028", "Zele", "2022-12-15", "Zele_gemeenteraad.pdf", Sha("zele")),
        ],
        Actions(),
        [
            new("regions", 1, "Referentieregio's", "Vlaamse Regering, beslissing van 12 maart 2021", "2021-03-12", false),
            new("inhabitants", 2, "Bevolking op 1 januari 2020", "Statbel", "2020-01-01", false),
            new("working-age", 3, "Bevolking 15-64 jaar op 1 januari 2017", "Statbel", "2017-01-01", false),
            new("job-seekers", 4, "Niet-werkende werkzoekenden, jaargemiddelde 2022", "VDAB Arvastat", "2022-12-31", true),
        ],
        "2023-01-15");

    /// <summary>The version as stored: its canonical JSON, the JSON's SHA-256, and its receipt.</summary>
    public static SubmittedVersion Submitted(ApplicationContent? content = null, DateTime? submittedUtc = null, bool underExtension = false)
    {
        content ??= Content();
        var json = content.ToJson();
        var stored = new ApplicationVersion
        {
            ApplicationId = ApplicationId,
            Number = content.Version,
            Content = json,
            Sha256 = ApplicationContent.Sha256Of(json),
            CallVersionId = 1,
            SubmittedAtUtc = submittedUtc ?? SubmittedUtc,
            UnderExtension = underExtension,
        };
        return new SubmittedVersion(stored, content, SubmissionService.ReceiptOf(stored, content, content.Partnership.Name));
    }

    /// <summary>A small PDF file's bytes, different per text.</summary>
    public static byte[] PdfBytes(string text) => Encoding.ASCII.GetBytes($"%PDF-1.7\n% {text}\n%%EOF\n");

    public static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(PdfBytes(text)));

    public static ApplicationAttachment Attachment(int id, string fileName, string text, DateTime uploadedUtc, AttachmentKind kind = AttachmentKind.CommitmentStatement)
    {
        var bytes = PdfBytes(text);
        return new ApplicationAttachment
        {
            Id = id,
            ApplicationId = ApplicationId,
            Kind = kind,
            FileName = fileName,
            Length = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Content = bytes,
            UploadedAtUtc = uploadedUtc,
        };
    }

    /// <summary>The four members' statements as uploaded (two with the same name), and one other file.</summary>
    public static List<ApplicationAttachment> Attachments() =>
    [
        Attachment(1, "Verbintenis Berlare.pdf", "berlare", new DateTime(2022, 12, 13, 9, 0, 0, DateTimeKind.Utc)),
        Attachment(2, "verbintenis.pdf", "hamme", new DateTime(2022, 12, 20, 9, 0, 0, DateTimeKind.Utc)),
        Attachment(3, "verbintenis.pdf", "waasmunster", new DateTime(2022, 12, 21, 9, 0, 0, DateTimeKind.Utc)),
        Attachment(4, "Zele_gemeenteraad.pdf", "zele", new DateTime(2022, 12, 16, 9, 0, 0, DateTimeKind.Utc)),
        Attachment(5, "Toelichting regio.pdf", "toelichting", new DateTime(2023, 1, 10, 9, 0, 0, DateTimeKind.Utc), AttachmentKind.Other),
    ];
}
