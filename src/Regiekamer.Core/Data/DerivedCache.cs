using Microsoft.Extensions.Caching.Memory;

namespace Regiekamer.Core.Data;

/// <summary>
/// What is derived from the inputs (<see cref="DataVersion.DerivedInputs"/>): an evaluation of a call, the latest
/// call, the datasets in force. Keyed by the version of the inputs, so a cached value is never stale: a change gives a
/// new version, the old entry is simply no longer asked for and ages out. Several app instances on one database agree
/// because the version is the database's. Values are shared by every request: never change one.
/// </summary>
public sealed class DerivedCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 256 });

    public async Task<T> GetOrCreateAsync<T>(RegiekamerDb db, object key, Func<Task<T>> create, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(create);
        var versioned = (await DataVersion.CurrentAsync(db, ct), key);
        if (_cache.TryGetValue(versioned, out var cached) && cached is T value)
        {
            return value;
        }

        value = await create();
        _cache.Set(versioned, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return value;
    }

    public void Dispose() => _cache.Dispose();
}
