using Regiekamer.Core.Catalogue;
using Regiekamer.Core.Common;

namespace Regiekamer.Web.Features.Catalogue;

/// <summary>A service's fields as a form posts them (the regisseur's page and the supplier's link share it).</summary>
public sealed class OfferingForm
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public List<string> Categories { get; set; } = [];

    /// <summary>CPV codes separated by spaces or commas; empty takes the categories' codes.</summary>
    public string? CpvCodes { get; set; }

    public List<string> Municipalities { get; set; } = [];

    public List<string> Regions { get; set; } = [];

    public List<string> TargetGroups { get; set; } = [];

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public bool ContactConsent { get; set; }

    public OfferingInput ToInput() => new(
        Title, Description, Categories, (CpvCodes ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries),
        Municipalities, Regions, TargetGroups, ContactName, ContactEmail, ContactPhone, ContactConsent);

    public static OfferingForm Of(OfferingContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new()
        {
            Title = c.Title,
            Description = c.Description,
            Categories = [.. c.Categories],
            CpvCodes = string.Join(' ', c.CpvCodes),
            Municipalities = [.. c.Municipalities.Select(m => m.Value)],
            TargetGroups = [.. c.TargetGroups],
            ContactName = c.ContactName,
            ContactEmail = c.ContactEmail,
            ContactPhone = c.ContactPhone,
            ContactConsent = c.ContactConsent,
        };
    }
}

public sealed record OfferingFormView(OfferingForm Form, CatalogueLists Lists, IReadOnlyList<DomainError> Errors);
