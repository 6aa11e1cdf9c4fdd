using Regiekamer.Core.Common;

namespace Regiekamer.Core.Grants.OpenData;

/// <summary>
/// One published decree line: the yearly subsidy granted by ministerial decree to one beneficiary, as it goes out as
/// open data. Plain values, so the 360Giving export is pure code; the database side fills these from the decrees.
/// </summary>
/// <param name="Key">Stable and unique per decree line (decree number and line id, e.g. "2023-MB-2023-0001-7"): the grant's id is the publisher's prefix followed by this, so it must never change once published.</param>
/// <param name="Title">E.g. "Lokale regierol sociale economie en werk 2023 – Regieverband Scheldeland".</param>
/// <param name="Description">Dutch text: what the grant is for, with the decree's number and date.</param>
/// <param name="Amount">More than zero, in exact cents.</param>
/// <param name="AwardDate">The date of the decree.</param>
/// <param name="Year">The grant year, published as planned dates from 1 January to 31 December of that year.</param>
/// <param name="RecipientName">The beneficiary's name.</param>
/// <param name="RecipientKbo">The beneficiary's enterprise number (ten digits), or null when it is not known.</param>
/// <param name="Locations">The partnership's member municipalities.</param>
public sealed record GrantRecord(
    string Key,
    string Title,
    string Description,
    Money Amount,
    DateOnly AwardDate,
    int Year,
    string RecipientName,
    string? RecipientKbo,
    IReadOnlyList<GrantLocation> Locations);

/// <summary>A member municipality of the beneficiary partnership, where the grant's beneficiaries live.</summary>
/// <param name="NisCode">The Statbel REFNIS code (five digits), e.g. "44021".</param>
/// <param name="Name">The municipality's name, e.g. "Gent".</param>
public sealed record GrantLocation(string NisCode, string Name);

/// <summary>Who publishes the file and funds the grants: the same for every grant of a package, so given once.</summary>
/// <param name="IdPrefix">The 360Giving prefix of every grant id, e.g. "360G-vlaanderen-wse-".</param>
/// <param name="FunderId">The funder's org-id, e.g. "BE-BCE_KBO-0316381039".</param>
/// <param name="FunderName">E.g. "Departement Werk en Sociale Economie".</param>
/// <param name="PublisherWebsite">The funder's website, written as the package's publisher website.</param>
public sealed record OpenDataPublisher(string IdPrefix, string FunderId, string FunderName, string PublisherWebsite);
