using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Catalogue;

/// <summary>A category as entered by the department: code (new only), names, order and CPV codes (separated by spaces or commas).</summary>
public sealed record CategoryInput(string? Code, string? NameNl, string? NameEn, int SortOrder, string? CpvCodes);

/// <summary>The department's list of catalogue categories, each mapped to codes of the CPV list. Audited.</summary>
public sealed class CategoryService(RegiekamerDb db, AuditTrail audit)
{
    public const string AuditEntity = "CatalogueCategory";

    public Task<List<CatalogueCategory>> ListAsync(CancellationToken ct = default) =>
        db.CatalogueCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);

    public async Task<Result<CatalogueCategory>> AddAsync(CategoryInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        db.ChangeTracker.Clear();
        var errors = new List<DomainError>();
        var code = (input.Code ?? "").Trim().ToLowerInvariant();
        if (code.Length is 0 or > 40 || !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            errors.Add(DomainError.Invalid("validation", "Code: 1 tot 40 kleine letters, cijfers of koppeltekens.", "Code: 1 to 40 lower-case letters, digits or hyphens.", "code"));
        }

        var (nl, en, cpv) = Check(input, errors);
        if (errors.Count > 0)
        {
            return Result<CatalogueCategory>.Fail(errors);
        }

        if (await db.CatalogueCategories.AnyAsync(c => c.Code == code, ct))
        {
            return DomainError.Conflict("duplicate-code", $"Code: er is al een categorie '{code}'.", $"Code: there is a category '{code}' already.", "code");
        }

        var category = CatalogueCategory.Add(code, nl, en, input.SortOrder, cpv);
        db.CatalogueCategories.Add(category);
        audit.Record(new CatalogueCategoryAdded(code, CatalogueCategorySnapshot.Of(category)));
        await db.SaveChangesAsync(ct);
        return Result<CatalogueCategory>.Ok(category);
    }

    public async Task<Result<CatalogueCategory>> UpdateAsync(string code, CategoryInput input, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        db.ChangeTracker.Clear();
        var category = await db.CatalogueCategories.FirstOrDefaultAsync(c => c.Code == code, ct);
        if (category is null)
        {
            return DomainError.NotFound($"Categorie '{code}' bestaat niet.", $"Category '{code}' does not exist.");
        }

        var errors = new List<DomainError>();
        var (nl, en, cpv) = Check(input, errors);
        if (errors.Count > 0)
        {
            return Result<CatalogueCategory>.Fail(errors);
        }

        var before = CatalogueCategorySnapshot.Of(category);
        db.ExpectVersion(category, expectedVersion);
        category.Change(nl, en, input.SortOrder, cpv);
        audit.Record(new CatalogueCategoryChanged(code, before, CatalogueCategorySnapshot.Of(category)));
        try
        {
            await db.SaveChangesAsync(ct);
            return Result<CatalogueCategory>.Ok(category);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DomainError.Conflict("concurrency", "Iemand anders bewaarde deze categorie intussen; herlaad en probeer opnieuw.", "Someone else saved this category in the meantime; reload and try again.");
        }
    }

    private static (string Nl, string En, List<string> Cpv) Check(CategoryInput input, List<DomainError> errors)
    {
        var nl = (input.NameNl ?? "").Trim();
        var en = (input.NameEn ?? "").Trim();
        if (nl.Length is 0 or > 200)
        {
            errors.Add(DomainError.Invalid("validation", "Naam: verplicht, hoogstens 200 tekens.", "Name: required, at most 200 characters.", "nameNl"));
        }

        if (en.Length is 0 or > 200)
        {
            errors.Add(DomainError.Invalid("validation", "Naam (Engels): verplicht, hoogstens 200 tekens.", "Name (English): required, at most 200 characters.", "nameEn"));
        }

        var cpv = new List<string>();
        foreach (var text in (input.CpvCodes ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (CpvVocabulary.Shipped.TryFind(text, out var entry))
            {
                cpv.Add(entry.Code);
            }
            else
            {
                errors.Add(DomainError.Invalid("unknown-cpv", $"CPV-codes: '{text}' staat niet in de CPV-lijst.", $"CPV codes: '{text}' is not in the CPV list.", "cpvCodes"));
            }
        }

        if (cpv.Count == 0 && errors.All(e => e.Field != "cpvCodes"))
        {
            errors.Add(DomainError.Invalid("validation", "CPV-codes: geef minstens één code.", "CPV codes: give at least one code.", "cpvCodes"));
        }

        return (nl, en, cpv.Distinct(StringComparer.Ordinal).ToList());
    }
}
