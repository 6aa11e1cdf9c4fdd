using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Applications;

/// <summary>
/// What a submitted version holds, frozen: the partnership as it applied, the information form, the commitment
/// statements, the plan, and the call version and reference data it was checked against. Written as canonical JSON
/// (properties in this order, no indentation, amounts as "35000.00" strings), whose SHA-256 is the receipt's hash.
/// Personal contact details are not part of it (they are kept beside it, erasable: <see cref="ApplicationVersion.Contacts"/>).
/// </summary>
public sealed record ApplicationContent(
    string DossierNumber,
    int Version,
    ContentCall Call,
    ContentPartnership Partnership,
    ContentInformation Information,
    IReadOnlyList<ContentCommitment> Commitments,
    IReadOnlyList<ContentAction> Actions,
    IReadOnlyList<ContentDataset> ReferenceData,
    string CheckedOn)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ApplicationContent FromJson(string json) =>
        JsonSerializer.Deserialize<ApplicationContent>(json, Json) ?? throw new InvalidOperationException("An application version's content is empty.");

    /// <summary>Lower-case hex SHA-256 of the JSON in UTF-8.</summary>
    public static string Sha256Of(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    public static ApplicationContent Of(
        Application a,
        int version,
        Call call,
        CallVersion callVersion,
        Partnership p,
        ReferenceSnapshot snapshot,
        IReadOnlyDictionary<int, ApplicationAttachment> attachments,
        DateOnly checkedOn)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(callVersion);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(attachments);
        return new(
            a.DossierNumber,
            version,
            ContentCall.Of(call, callVersion),
            ContentPartnership.Of(p, snapshot),
            new ContentInformation(a.BbcUser, a.BeneficiaryKbo, a.Iban, a.WijkWerken),
            a.Commitments.OrderBy(c => c.NisCode.Value, StringComparer.Ordinal).Select(c => new ContentCommitment(
                c.NisCode.Value,
                snapshot.Find(c.NisCode)?.Name ?? c.NisCode.Value,
                Date(c.CouncilDecisionDate),
                attachments.TryGetValue(c.AttachmentId, out var file) ? file.FileName : "",
                attachments.TryGetValue(c.AttachmentId, out var f2) ? f2.Sha256 : "")).ToList(),
            a.Actions.OrderBy(x => x.Position).Select(ContentAction.Of).ToList(),
            [
                ContentDataset.Of("regions", snapshot.RegionDataset),
                ContentDataset.Of("inhabitants", snapshot.InhabitantsDataset),
                ContentDataset.Of("working-age", snapshot.WorkingAgeDataset),
                ContentDataset.Of("job-seekers", snapshot.JobSeekersDataset),
            ],
            Date(checkedOn));
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record ContentCall(string Code, int Version, string Deadline, int FirstYear, int LastYear)
{
    public static ContentCall Of(Call call, CallVersion version)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(version);
        return new(call.Code, version.Number, ApplicationContent.Date(version.Deadline), call.FirstYear, call.LastYear);
    }
}

public sealed record ContentPartnership(int Id, string Name, string Kind, string Status, IReadOnlyList<ContentMember> Members, string? ManagingMunicipality, string? ChangeMotivation)
{
    /// <summary>The partnership as it is composed now, its members named from the snapshot.</summary>
    public static ContentPartnership Of(Partnership p, ReferenceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(
            p.Id,
            p.Name,
            p.Kind.Code(),
            p.Status.Code(),
            p.Members.Select(m => new ContentMember(m.NisCode.Value, snapshot.Find(m.NisCode)?.Name ?? m.NisCode.Value)).OrderBy(m => m.NisCode, StringComparer.Ordinal).ToList(),
            p.ManagingNisCode?.Value,
            p.ChangeMotivation);
    }
}

public sealed record ContentMember(string NisCode, string Name);

public sealed record ContentInformation(bool? BbcUser, string? BeneficiaryKbo, string? Iban, bool? WijkWerken);

public sealed record ContentCommitment(string NisCode, string Name, string CouncilDecisionDate, string FileName, string Sha256);

public sealed record ContentAction(
    int Id,
    int Position,
    string? PolicyGoal,
    string? ActionPlan,
    string ShortDescription,
    string? LongDescription,
    string? Comment,
    string Code,
    IReadOnlyDictionary<string, string> Amounts)
{
    public static ContentAction Of(PlannedAction x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return new(
            x.Id,
            x.Position,
            x.PolicyGoal,
            x.ActionPlan,
            x.ShortDescription,
            x.LongDescription,
            x.Comment,
            x.Code,
            x.Amounts.ToInvariantDictionary());
    }
}

/// <summary>A reference dataset the version was checked against: its role, id, title, source and reference date.</summary>
public sealed record ContentDataset(string Role, int Id, string Title, string Source, string ReferenceDate, bool Estimate)
{
    public static ContentDataset Of(string role, ReferenceDataset d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(role, d.Id, d.Title, d.Source, ApplicationContent.Date(d.ReferenceDate), d.IsEstimate);
    }
}
