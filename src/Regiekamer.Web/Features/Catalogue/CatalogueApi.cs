using Regiekamer.Core.Accounts;
using Regiekamer.Core.Catalogue;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Catalogue;

/// <summary>One public entry of the catalogue. Contact: the service's contact person only with their consent, else the supplier's general contact.</summary>
public sealed record CatalogueEntryDto(
    int Id, string Title, string? Description, string Supplier, string SupplierKind, string? SupplierWebsite,
    IReadOnlyList<string> Categories, IReadOnlyList<string> CpvCodes, IReadOnlyList<string> Municipalities, IReadOnlyList<string> TargetGroups,
    string? ContactName, string? ContactEmail, string? ContactPhone, DateOnly LastConfirmedOn)
{
    public static CatalogueEntryDto Of(CatalogueEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.Title, e.Description, e.Supplier, e.SupplierKind, e.SupplierWebsite, e.Categories, e.CpvCodes, e.Municipalities.Select(m => m.Value).ToList(), e.TargetGroups, e.ContactName, e.ContactEmail, e.ContactPhone, e.LastConfirmedOn);
    }
}

/// <summary>A page of the public catalogue: the entries, the page, its size, how many match, and the day the catalogue was read (Brussels).</summary>
public sealed record CataloguePageDto(IReadOnlyList<CatalogueEntryDto> Items, int Page, int PageSize, int Total, int Pages, DateOnly AsOf, string Source);

public sealed record CatalogueCategoryDto(string Code, string NameNl, string NameEn, int SortOrder, IReadOnlyList<string> CpvCodes, int Version)
{
    public static CatalogueCategoryDto Of(CatalogueCategory c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Code, c.NameNl, c.NameEn, c.SortOrder, c.CpvList, c.Version);
    }
}

/// <summary>A category as the department sends it: code (only when adding), names, order and CPV codes ("77310000-6").</summary>
public sealed record CatalogueCategoryRequest(string? Code, string? NameNl, string? NameEn, int SortOrder, IReadOnlyList<string>? CpvCodes, int Version = 0)
{
    public CategoryInput ToInput() => new(Code, NameNl, NameEn, SortOrder, string.Join(' ', CpvCodes ?? []));
}

/// <summary>
/// Public: <c>GET /api/v1/catalogue</c> (the published services, filtered and paged) and <c>GET /api/v1/catalogue/categories</c>.
/// The department adds and changes categories (<c>POST</c>, <c>PUT /api/v1/catalogue/categories/{code}</c>).
/// </summary>
public static class CatalogueApi
{
    public const string Tag = "Catalogue";

    public const string Source = "Regiekamer, catalogus sociale economie (gepubliceerde diensten, bevestigd in de laatste 18 maanden)";

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        // Served from the page cache per version of the stored data and per query (anonymous callers; a caller with a
        // token is answered afresh): the same search from many buyers costs one query (docs/performance.md).
        var catalogue = api.MapGroup("/catalogue").WithTags(Tag).AllowAnonymous().RequireRateLimiting(CatalogueFeature.RateLimit).CacheOutput(PageCache.Policy);
        catalogue.MapGet("/", SearchAsync)
            .WithSummary("The public social-procurement catalogue: published services of social-economy actors confirmed in the last 18 months. Filters (all optional, all must hold): municipality (NIS code of the 2025 set: services whose area includes it), region (reference region code, e.g. REFREG01), category (code of /api/v1/catalogue/categories), kind (actor kind code, e.g. maatwerkbedrijf), targetGroup, cpv (a CPV code or its first digits: a broader code finds the narrower ones, 77000000 finds 77310000-6), q (words; each is searched as a prefix in Dutch full text). page from 1, 20 per page. Public, rate-limited (429). The contact shown is the service's contact person only with their consent, else the supplier's general contact.")
            .Produces<CataloguePageDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests);
        catalogue.MapGet("/categories", async (CategoryService categories, CancellationToken ct) =>
                TypedResults.Ok((await categories.ListAsync(ct)).Select(CatalogueCategoryDto.Of).ToList()))
            .WithSummary("The catalogue's categories as the department keeps them, each with its CPV codes. Public.")
            .Produces<List<CatalogueCategoryDto>>(StatusCodes.Status200OK);
        var department = api.MapGroup("/catalogue/categories").WithTags(Tag).RequireAuthorization(Policies.Department);
        department.MapPost("/", AddCategoryAsync)
            .WithSummary("Adds a category (department). 400 with the field for a bad code, name or a CPV code not in the list; 409 duplicate-code.")
            .Produces<CatalogueCategoryDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        department.MapPut("/{code}", UpdateCategoryAsync)
            .WithSummary("Changes a category's names, order and CPV codes (department), with the version read (409 when someone saved it since).")
            .Produces<CatalogueCategoryDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> SearchAsync(string? municipality, string? region, string? category, string? kind, string? targetGroup, string? cpv, string? q, int? page, CatalogueSearch search, CancellationToken ct)
    {
        var result = await search.SearchAsync(new CatalogueQuery(municipality, region, category, kind, targetGroup, cpv, q, page ?? 1), ct);
        if (!result.IsSuccess)
        {
            return Problems.From(result.Errors);
        }

        var p = result.Value!;
        return TypedResults.Ok(new CataloguePageDto(p.Items.Select(CatalogueEntryDto.Of).ToList(), p.Page, p.PageSize, p.Total, p.Pages, p.Today, Source));
    }

    private static async Task<IResult> AddCategoryAsync(CatalogueCategoryRequest body, CategoryService categories, CancellationToken ct)
    {
        var result = await categories.AddAsync(body.ToInput(), ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/catalogue/categories/{Uri.EscapeDataString(result.Value!.Code)}", CatalogueCategoryDto.Of(result.Value))
            : Problems.From(result.Errors);
    }

    private static async Task<IResult> UpdateCategoryAsync(string code, CatalogueCategoryRequest body, CategoryService categories, CancellationToken ct)
    {
        var result = await categories.UpdateAsync(code, body.ToInput(), body.Version, ct);
        return result.IsSuccess ? TypedResults.Ok(CatalogueCategoryDto.Of(result.Value!)) : Problems.From(result.Errors);
    }
}
