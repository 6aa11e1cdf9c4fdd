using System.Globalization;

namespace Regiekamer.Web.Infrastructure;

/// <summary>What the _Pager partial shows: page <see cref="Page"/> of <see cref="Pages"/>, links to <see cref="Path"/>?page=N (with the rest of the query kept).</summary>
public sealed record Pager(int Page, int Pages, string Path, string Query = "")
{
    /// <summary>The query parameter of the page number ("page", or "p" where a page binds "page" itself).</summary>
    public string PageParameter { get; init; } = "page";

    public string Link(int page) =>
        Path + "?" + (Query.Length > 0 ? Query + "&" : "") + PageParameter + "=" + page.ToString(CultureInfo.InvariantCulture);
}
