using Regiekamer.Core.Common;

namespace Regiekamer.Core.Catalogue;

/// <summary>A service as typed in a form or sent to the API, before it is checked.</summary>
public sealed record OfferingInput(
    string? Title,
    string? Description,
    IReadOnlyList<string>? Categories,
    IReadOnlyList<string>? CpvCodes,
    IReadOnlyList<string>? Municipalities,
    IReadOnlyList<string>? Regions,
    IReadOnlyList<string>? TargetGroups,
    string? ContactName,
    string? ContactEmail,
    string? ContactPhone,
    bool ContactConsent);

/// <summary>What a service may refer to: the department's categories, the CPV list, the 2025 municipalities and the reference regions' members.</summary>
public sealed record OfferingReferences(
    IReadOnlyDictionary<string, CatalogueCategory> Categories,
    CpvVocabulary Cpv,
    IReadOnlySet<NisCode> Municipalities,
    IReadOnlyDictionary<string, IReadOnlyList<NisCode>> Regions);

/// <summary>The check of a service's content. Pure: every error names its field; nothing is guessed from free text.</summary>
public static class OfferingRules
{
    public const int TitleMax = 200;

    public const int DescriptionMax = 4000;

    public static Result<OfferingContent> Check(OfferingInput input, OfferingReferences refs)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(refs);
        var errors = new List<DomainError>();
        var title = (input.Title ?? "").Trim();
        if (title.Length == 0 || title.Length > TitleMax)
        {
            errors.Add(DomainError.Invalid("validation", $"Titel: verplicht, hoogstens {TitleMax} tekens.", $"Title: required, at most {TitleMax} characters.", "title"));
        }

        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (description?.Length > DescriptionMax)
        {
            errors.Add(DomainError.Invalid("validation", $"Omschrijving: hoogstens {DescriptionMax} tekens.", $"Description: at most {DescriptionMax} characters.", "description"));
        }

        var categories = Distinct(input.Categories);
        if (categories.Count == 0)
        {
            errors.Add(DomainError.Invalid("validation", "Categorieën: kies er minstens één.", "Categories: choose at least one.", "categories"));
        }

        foreach (var c in categories.Where(c => !refs.Categories.ContainsKey(c)))
        {
            errors.Add(DomainError.Invalid("unknown-category", $"Categorieën: '{c}' is geen categorie van de catalogus.", $"Categories: '{c}' is not a category of the catalogue.", "categories"));
        }

        // Without codes of its own, a service takes its categories' codes (the default the form also suggests).
        var cpvInput = Distinct(input.CpvCodes);
        if (cpvInput.Count == 0)
        {
            cpvInput = categories.Where(refs.Categories.ContainsKey).SelectMany(c => refs.Categories[c].CpvList).Distinct(StringComparer.Ordinal).ToList();
        }

        var cpv = new List<string>();
        foreach (var code in cpvInput)
        {
            if (refs.Cpv.TryFind(code, out var entry))
            {
                cpv.Add(entry.Code);
            }
            else
            {
                errors.Add(DomainError.Invalid("unknown-cpv", $"CPV-codes: '{code}' staat niet in de CPV-lijst (vorm 77310000-6).", $"CPV codes: '{code}' is not in the CPV list (form 77310000-6).", "cpvCodes"));
            }
        }

        if (cpvInput.Count == 0)
        {
            errors.Add(DomainError.Invalid("validation", "CPV-codes: geef minstens één code.", "CPV codes: give at least one code.", "cpvCodes"));
        }

        var area = new SortedSet<NisCode>();
        foreach (var text in Distinct(input.Municipalities))
        {
            if (NisCode.TryParse(text, out var nis) && refs.Municipalities.Contains(nis))
            {
                area.Add(nis);
            }
            else
            {
                errors.Add(DomainError.Invalid("unknown-municipality", $"Werkgebied: '{text}' is geen NIS-code van een gemeente (2025).", $"Area served: '{text}' is not the NIS code of a municipality (2025).", "municipalities"));
            }
        }

        foreach (var region in Distinct(input.Regions))
        {
            if (refs.Regions.TryGetValue(region, out var members))
            {
                area.UnionWith(members);
            }
            else
            {
                errors.Add(DomainError.Invalid("unknown-region", $"Werkgebied: '{region}' is geen referentieregio.", $"Area served: '{region}' is not a reference region.", "regions"));
            }
        }

        if (area.Count == 0)
        {
            errors.Add(DomainError.Invalid("validation", "Werkgebied: kies minstens één gemeente of referentieregio.", "Area served: choose at least one municipality or reference region.", "municipalities"));
        }

        var groups = Distinct(input.TargetGroups);
        foreach (var g in groups.Where(g => TargetGroups.NameOf(g) is null))
        {
            errors.Add(DomainError.Invalid("unknown-target-group", $"Doelgroepen: '{g}' is geen doelgroep van de lijst.", $"Target groups: '{g}' is not a target group of the list.", "targetGroups"));
        }

        var name = Clean(input.ContactName, 200, "contactName", "Contactpersoon", "Contact person", errors);
        var email = Clean(input.ContactEmail, 254, "contactEmail", "E-mail contactpersoon", "Contact e-mail", errors);
        var phone = Clean(input.ContactPhone, 40, "contactPhone", "Telefoon contactpersoon", "Contact phone", errors);
        if (email is not null && !IsEmail(email))
        {
            errors.Add(DomainError.Invalid("validation", "E-mail contactpersoon: geen geldig e-mailadres.", "Contact e-mail: not a valid e-mail address.", "contactEmail"));
        }

        return errors.Count > 0
            ? Result<OfferingContent>.Fail(errors)
            : Result<OfferingContent>.Ok(new OfferingContent(title, description, categories.Order(StringComparer.Ordinal).ToList(), cpv.Order(StringComparer.Ordinal).ToList(), area.ToList(), groups.Order(StringComparer.Ordinal).ToList(), name, email, phone, input.ContactConsent && (name ?? email ?? phone) is not null));
    }

    public static bool IsEmail(string text) =>
        text.Length <= 254 && text.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < text.Length - 1 && !text.Any(char.IsWhiteSpace) && text.IndexOf('.', at) > at + 1;

    private static List<string> Distinct(IReadOnlyList<string>? values) =>
        (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static string? Clean(string? value, int max, string field, string nl, string en, List<DomainError> errors)
    {
        var v = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (v?.Length > max)
        {
            errors.Add(DomainError.Invalid("validation", $"{nl}: hoogstens {max} tekens.", $"{en}: at most {max} characters.", field));
        }

        return v;
    }
}
