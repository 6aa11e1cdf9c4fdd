using Regiekamer.Core.Applications.Documents;
using Regiekamer.Core.Grants;
using Regiekamer.Core.Grants.OpenData;

namespace Regiekamer.Web.Features.OpenData;

/// <summary>A published ministerial decree and what it grants to whom.</summary>
/// <param name="AmendsNumber">For an amending decree: the number of the decree it amends.</param>
/// <param name="AmendedByNumber">The published decree that amends this one (its amounts then no longer hold), or null.</param>
/// <param name="Total">The sum of the lines, "3000000.00".</param>
/// <param name="Budget">The year's budget the lines add up to (R13).</param>
/// <param name="Pdf">Where the decree is as a PDF.</param>
public sealed record PublishedDecreeDto(
    int Id,
    int CallId,
    string CallCode,
    string Number,
    int Year,
    DateOnly Date,
    IReadOnlyList<string> LegalBasis,
    string? AmendsNumber,
    string? AmendmentReason,
    string? AmendedByNumber,
    DateTime PublishedAtUtc,
    string Total,
    string Budget,
    string Pdf,
    IReadOnlyList<PublishedDecreeLineDto> Lines)
{
    public static PublishedDecreeDto Of(PublishedDecree published)
    {
        ArgumentNullException.ThrowIfNull(published);
        var d = published.Decree;
        return new(
            d.Id,
            d.CallId,
            published.CallCode,
            d.Number,
            d.Year,
            d.DecreeDate,
            DocumentText.Lines(d.LegalBasis),
            published.AmendsNumber,
            published.AmendsNumber is null ? null : d.AmendmentReason,
            published.AmendedByNumber,
            d.PublishedAtUtc!.Value,
            d.Total.ToInvariantString(),
            d.Budget.ToInvariantString(),
            OpenDataApi.PdfUrl(d.Id),
            published.Lines.Select(PublishedDecreeLineDto.Of).ToList());
    }
}

/// <summary>One grant of a decree: the beneficiary (R4), for which partnership, how much.</summary>
/// <param name="BeneficiaryKind">association, managing-municipality or city.</param>
/// <param name="Kbo">The beneficiary's enterprise number, ten digits ("0316381039"), or null when unknown.</param>
/// <param name="Amount">"35000.00": euros with a dot and two decimals.</param>
public sealed record PublishedDecreeLineDto(int Id, string Beneficiary, string BeneficiaryKind, string? Kbo, int PartnershipId, string PartnershipName, string Amount)
{
    public static PublishedDecreeLineDto Of(DecreeLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(line.Id, line.BeneficiaryName, line.BeneficiaryKind.Code(), line.BeneficiaryKbo, line.PartnershipId, line.PartnershipName, line.Amount.ToInvariantString());
    }
}

// The 360Giving package as the API document describes it (the JSON itself is written by ThreeSixtyGiving.WriteAsync).

/// <summary>A 360Giving Data Standard 1.4 package (https://standard.threesixtygiving.org/): who publishes it and its grants.</summary>
public sealed record ThreeSixtyGivingPackageDto(string Version, ThreeSixtyGivingOrganisationDto Publisher, IReadOnlyList<ThreeSixtyGivingGrantDto> Grants);

/// <summary>The publisher: <c>identifier</c> (an org-id), <c>name</c> and <c>website</c>.</summary>
public sealed record ThreeSixtyGivingOrganisationDto(string Identifier, string Name, string Website);

/// <summary>One decree line in force as a grant; <c>id</c> is the configured prefix followed by the decree's number and the line's id.</summary>
public sealed record ThreeSixtyGivingGrantDto(
    string Id,
    string Title,
    string Description,
    string Currency,
    decimal AmountAwarded,
    string AwardDate,
    IReadOnlyList<ThreeSixtyGivingPeriodDto> PlannedDates,
    IReadOnlyList<ThreeSixtyGivingOrgDto> RecipientOrganization,
    IReadOnlyList<ThreeSixtyGivingOrgDto> FundingOrganization,
    IReadOnlyList<ThreeSixtyGivingLocationDto> BeneficiaryLocation);

/// <summary>The year the grant is for: 1 January to 31 December, 12 months.</summary>
public sealed record ThreeSixtyGivingPeriodDto(string StartDate, string EndDate, int Duration);

/// <summary>An organisation by org-id (the beneficiary: BE-BCE_KBO- and its enterprise number) and name.</summary>
public sealed record ThreeSixtyGivingOrgDto(string Id, string Name);

/// <summary>A member municipality: its name, its NIS code (Statbel REFNIS) and country BE.</summary>
public sealed record ThreeSixtyGivingLocationDto(string Name, string GeoCode, string CountryCode);
