#include "traffic_simulator.h"

#include <ui/entities/local_secrets.h>
#include <ui/workspace/workspace_document.h>

#include <model/api_contract.h>
#include <model/workspace.h>

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gh::analytics {

namespace {

constexpr int kTickMs = 10;
constexpr int kNotifyMs = 100; // ten updates a second at most
constexpr qint64 kRateWindowMs = 2000;
constexpr double kReadWeight = 3; // a GET weighs this much more than another method within an API
const QStringList kMethods = {QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                              QStringLiteral("PATCH"), QStringLiteral("DELETE")};

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

QString fromStd(const std::optional<std::string> &text)
{
    return text ? QString::fromStdString(*text) : QString();
}

// A value the backend would accept for a parameter: its default, its first allowed value, or one that fits its type
// (identifiers are mostly small integers in the wild).
QString plausibleValue(const gw::model::Parameter &parameter)
{
    if (parameter.defaultValue && !parameter.defaultValue->empty())
        return fromStd(*parameter.defaultValue);
    if (!parameter.values.empty())
        return fromStd(parameter.values.front());
    if (parameter.type == "integer" || parameter.type == "number")
        return QStringLiteral("1");
    if (parameter.type == "boolean")
        return QStringLiteral("true");
    if (QString::fromStdString(parameter.name).contains(QLatin1String("id"), Qt::CaseInsensitive))
        return QStringLiteral("1");
    return QStringLiteral("sample");
}

// Whether a subscription with `scope` may call `api` (APIM: all APIs, one API, or the APIs of one product).
bool reaches(const gw::model::Workspace &model, const std::optional<std::string> &scope, const gw::model::Api &api)
{
    if (!scope || scope->empty())
        return true;
    const std::string &text = *scope;
    const std::string last = gw::model::lastSegment(text);
    if (text.ends_with("/apis"))
        return true;
    if (gw::model::refersTo(text, "apis", api.rootName()) || gw::model::refersTo(text, "apis", api.name))
        return true;
    if (text.find("/products/") != std::string::npos) {
        const gw::model::Product *product = model.findProduct(last);
        if (!product)
            return false;
        return std::any_of(product->apis.begin(), product->apis.end(), [&](const gw::model::Link &link) {
            return link.target == api.rootName() || link.target == api.name;
        });
    }
    return false;
}

} // namespace

TrafficSimulator::TrafficSimulator(workspace::WorkspaceDocument &document, QObject *parent)
    : QObject(parent), m_document(document), m_network(new QNetworkAccessManager(this))
{
    // Traffic for the gateway on this machine never goes through a proxy the environment may name.
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_tick.setTimerType(Qt::PreciseTimer);
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &TrafficSimulator::tick);
    m_notify.setInterval(kNotifyMs);
    connect(&m_notify, &QTimer::timeout, this, &TrafficSimulator::publish);
}

TrafficSimulator::~TrafficSimulator()
{
    // Replies still out must not call back into a half-destroyed simulator.
    const auto replies = m_network->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
}

void TrafficSimulator::setSettings(const TrafficSettings &settings)
{
    m_settings = settings;
    m_settings.rate = std::clamp(m_settings.rate, TrafficSettings::minimumRate, TrafficSettings::maximumRate);
    m_settings.badKeyPercent = std::clamp(m_settings.badKeyPercent, 0, 100);
    m_settings.errorPercent = std::clamp(m_settings.errorPercent, 0, 100 - m_settings.badKeyPercent);
    m_settings.maxInFlight = std::max(1, m_settings.maxInFlight);
    m_settings.durationSeconds = std::max(0, m_settings.durationSeconds);
}

QStringList TrafficSimulator::usableSubscriptions() const
{
    QStringList out;
    for (const gw::model::Subscription &subscription : m_document.model().subscriptions) {
        const bool active = !subscription.state || *subscription.state == "active";
        const QString name = fromStd(subscription.name);
        if (active && entities::LocalSecrets::of(m_document).primaryKeyOf(name))
            out << name;
    }
    return out;
}

bool TrafficSimulator::buildPlan()
{
    m_targets.clear();
    m_cumulative.clear();
    const gw::model::Workspace &model = m_document.model();

    // The keys to send, with the subscription each belongs to (to know which APIs it reaches).
    std::vector<std::pair<const gw::model::Subscription *, QString>> keys;
    const QStringList chosen = m_settings.subscriptions.value_or(usableSubscriptions());
    for (const QString &name : chosen) {
        const auto *subscription = m_document.find<gw::model::Subscription>(name.toStdString());
        if (!subscription)
            continue;
        if (auto key = entities::LocalSecrets::of(m_document).primaryKeyOf(name))
            keys.emplace_back(subscription, *key);
    }

    for (const gw::model::Api &api : model.apis) {
        // Another revision than the current one answers only under ";rev=", which no real client calls.
        if (api.isRevisionFolder() || (api.isCurrent && !*api.isCurrent))
            continue;
        const int apiWeight = m_settings.apiWeights.value(fromStd(api.name), 1);
        if (apiWeight <= 0)
            continue;

        Target base;
        base.api = fromStd(api.name);
        base.keyHeader = QByteArray::fromStdString(api.headerName());
        for (const auto &[subscription, key] : keys)
            if (reaches(model, subscription->scope, api))
                base.keys << key;
        QString root = QLatin1Char('/') + fromStd(api.path);
        // The version goes where the API's version set says (the same rule the gateway routes by).
        const gw::model::VersionSet *set =
            api.apiVersionSetId ? model.findVersionSet(gw::model::lastSegment(*api.apiVersionSetId)) : nullptr;
        const QString version = fromStd(api.apiVersion);
        const QString scheme = set ? fromStd(set->versioningScheme) : QString();
        if (!version.isEmpty() && scheme == QLatin1String("Segment"))
            root += QLatin1Char('/') + version;
        else if (!version.isEmpty() && scheme == QLatin1String("Query"))
            base.query.append(
                {set->versionQueryName ? fromStd(set->versionQueryName) : QStringLiteral("api-version"), version});
        else if (!version.isEmpty() && scheme == QLatin1String("Header"))
            base.headers.append({set->versionHeaderName ? QByteArray::fromStdString(*set->versionHeaderName)
                                                        : QByteArrayLiteral("Api-Version"),
                                 version.toUtf8()});
        if (root.endsWith(QLatin1Char('/')))
            root.chop(1);

        const auto &operations = api.contract.operations;
        if (operations.empty()) {
            // An API without a specification still answers somewhere: its root.
            Target target = base;
            target.method = QStringLiteral("GET");
            target.path = root.isEmpty() ? QStringLiteral("/") : root;
            target.weight = apiWeight;
            m_targets.push_back(target);
            continue;
        }
        const double total = std::accumulate(operations.begin(), operations.end(), 0.0,
                                             [](double sum, const gw::model::Operation &operation) {
                                                 return sum + (operation.method == "GET" ? kReadWeight : 1);
                                             });
        QHash<QString, QStringList> methodsOfTemplate;
        for (const gw::model::Operation &operation : operations)
            methodsOfTemplate[fromStd(operation.urlTemplate).section(QLatin1Char('?'), 0, 0)]
                << fromStd(operation.method);
        for (const gw::model::Operation &operation : operations) {
            Target target = base;
            target.operation = fromStd(operation.name);
            target.method = fromStd(operation.method).toUpper();
            QString templ = fromStd(operation.urlTemplate);
            const qsizetype question = templ.indexOf(QLatin1Char('?'));
            QStringList inTemplateQuery;
            if (question >= 0) {
                const QUrlQuery templateQuery(templ.mid(question + 1));
                for (const auto &[name, value] : templateQuery.queryItems(QUrl::FullyDecoded)) {
                    if (!value.startsWith(QLatin1Char('{')))
                        target.query.append({name, value});
                    else
                        inTemplateQuery << name;
                }
                templ.truncate(question);
            }
            const QStringList templateMethods = methodsOfTemplate.value(templ);
            for (const QString &method : kMethods)
                if (!templateMethods.contains(method))
                    target.otherMethods << method;
            for (const gw::model::Parameter &parameter : operation.templateParameters) {
                const QString name = fromStd(parameter.name);
                const QString value = plausibleValue(parameter);
                templ.replace(QLatin1Char('{') + name + QLatin1Char('}'),
                              QString::fromLatin1(QUrl::toPercentEncoding(value)));
                if (inTemplateQuery.contains(name))
                    target.query.append({name, value});
            }
            // A template parameter the contract does not describe still needs a value to match the route.
            templ.replace(QRegularExpression(QStringLiteral("\\{[^}/]*\\}")), QStringLiteral("1"));
            for (const gw::model::Parameter &parameter : operation.queryParameters)
                if (parameter.required)
                    target.query.append({fromStd(parameter.name), plausibleValue(parameter)});
            for (const gw::model::Parameter &parameter : operation.headers)
                if (parameter.required)
                    target.headers.append(
                        {QByteArray::fromStdString(parameter.name), plausibleValue(parameter).toUtf8()});
            if (!templ.startsWith(QLatin1Char('/')))
                templ.prepend(QLatin1Char('/'));
            target.path =
                QString(root + templ).replace(QRegularExpression(QStringLiteral("/{2,}")), QStringLiteral("/"));

            const bool carriesBody = target.method == QLatin1String("POST") || target.method == QLatin1String("PUT") ||
                                     target.method == QLatin1String("PATCH");
            if (m_settings.sendBodies && carriesBody && operation.request &&
                !operation.request->representations.empty()) {
                const gw::model::Representation &representation = operation.request->representations.front();
                const nlohmann::ordered_json *example = !representation.example.is_null() ? &representation.example
                                                        : !representation.examples.empty()
                                                            ? &representation.examples.front().second
                                                            : nullptr;
                if (example) {
                    target.body =
                        QByteArray::fromStdString(example->is_string() ? example->get<std::string>() : example->dump());
                    target.contentType = QByteArray::fromStdString(representation.contentType);
                }
            }
            target.weight = apiWeight * (operation.method == "GET" ? kReadWeight : 1) / total;
            m_targets.push_back(std::move(target));
        }
    }

    double sum = 0;
    for (const Target &target : m_targets)
        m_cumulative.push_back(sum += target.weight);
    return !m_targets.empty();
}

bool TrafficSimulator::start()
{
    if (m_running)
        stop();
    m_error.clear();
    if (m_address.isEmpty()) {
        m_error = tr("The gateway is not running.");
        return false;
    }
    if (!buildPlan()) {
        m_error = tr("There is nothing to call: the workspace has no API, or every API has weight 0.");
        return false;
    }
    m_random = m_settings.seed ? QRandomGenerator(*m_settings.seed) : QRandomGenerator::securelySeeded();
    ++m_run;
    m_counters = {};
    m_samples.clear();
    m_scheduled = 0;
    m_running = true;
    m_clock.start();
    m_samples.push_back({0, 0});
    m_tick.start();
    m_notify.start();
    emit runningChanged(true);
    markChanged();
    return true;
}

void TrafficSimulator::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_tick.stop();
    m_counters.elapsedMs = m_clock.elapsed();
    emit runningChanged(false);
    markChanged();
}

void TrafficSimulator::tick()
{
    const qint64 elapsed = m_clock.elapsed();
    m_counters.elapsedMs = elapsed;
    const qint64 durationMs = qint64(m_settings.durationSeconds) * 1000;
    const qint64 until = durationMs > 0 ? std::min(elapsed, durationMs) : elapsed;
    const auto due = quint64(double(m_settings.rate) * double(until) / 1000.0);
    while (m_scheduled < due) {
        ++m_scheduled;
        if (m_counters.inFlight >= m_settings.maxInFlight) {
            ++m_counters.behind;
            continue;
        }
        sendOne();
    }
    markChanged();
    if (durationMs > 0 && elapsed >= durationMs)
        stop();
}

void TrafficSimulator::sendOne()
{
    const double pick = m_random.generateDouble() * m_cumulative.back();
    const auto found = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), pick);
    const Target &target = m_targets[std::min<size_t>(found - m_cumulative.begin(), m_targets.size() - 1)];

    const int roll = int(m_random.bounded(100));
    const bool badKey = roll < m_settings.badKeyPercent;
    const bool error = !badKey && roll < m_settings.badKeyPercent + m_settings.errorPercent;

    QString method = target.method;
    QString path = target.path;
    if (error) {
        // Half of the errors ask for a method the path does not have, half for a path no operation has.
        if (!target.otherMethods.isEmpty() && m_random.bounded(2) == 0)
            method = target.otherMethods.at(m_random.bounded(int(target.otherMethods.size())));
        else
            // Deep enough that no template ("/pets/{petId}") takes it for one of its parameters.
            path += QStringLiteral("/simulated/missing/%1/nothing/here").arg(m_random.bounded(1000));
        ++m_counters.errorsSent;
    }
    QString key;
    if (badKey) {
        // As long as a real key and as random, so only the gateway's lookup tells it apart.
        key = QString::number(m_random.generate64(), 16) + QString::number(m_random.generate64(), 16);
        ++m_counters.badKeysSent;
    } else if (!target.keys.isEmpty()) {
        key = target.keys.at(m_random.bounded(int(target.keys.size())));
    }

    QUrl url(m_address + path);
    if (!target.query.isEmpty()) {
        QUrlQuery query;
        query.setQueryItems(target.query);
        url.setQuery(query);
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setRawHeader(QByteArrayLiteral("User-Agent"), QByteArrayLiteral("Gatehouse-TrafficSimulator"));
    for (const auto &[name, value] : target.headers)
        request.setRawHeader(name, value);
    if (!key.isEmpty())
        request.setRawHeader(target.keyHeader, key.toUtf8());
    const bool withBody = !error && !target.body.isEmpty();
    if (withBody && !target.contentType.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Content-Type"), target.contentType);

    QNetworkReply *reply =
        m_network->sendCustomRequest(request, method.toLatin1(), withBody ? target.body : QByteArray());
    ++m_counters.sent;
    ++m_counters.inFlight;
    connect(reply, &QNetworkReply::finished, this, [this, reply, run = m_run] {
        // An answer to an earlier run (started again before it drained) does not count towards this one.
        if (run == m_run)
            answered(reply);
        else
            reply->deleteLater();
    });
}

void TrafficSimulator::answered(QNetworkReply *reply)
{
    reply->deleteLater();
    --m_counters.inFlight;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int code = status.isValid() ? status.toInt() : 0;
    if (code >= 200 && code < 300)
        ++m_counters.success;
    else if (code >= 300 && code < 400)
        ++m_counters.redirect;
    else if (code >= 400 && code < 500)
        ++m_counters.clientError;
    else if (code >= 500 && code < 600)
        ++m_counters.serverError;
    else
        ++m_counters.failed;
    if (code > 0)
        ++m_counters.statuses[code];
    markChanged();
    // After stop() the notify timer keeps running until the last answer is in, so the final numbers are shown.
    if (!m_running && m_counters.inFlight == 0)
        publish();
}

void TrafficSimulator::markChanged()
{
    m_changed = true;
}

void TrafficSimulator::publish()
{
    const qint64 now = m_running ? m_clock.elapsed() : m_counters.elapsedMs;
    if (m_running) {
        m_counters.elapsedMs = now;
        m_samples.push_back({now, m_counters.completed()});
        while (m_samples.size() > 2 && now - m_samples.front().first > kRateWindowMs)
            m_samples.pop_front();
        const auto &[since, before] = m_samples.front();
        m_counters.achievedRate =
            now > since ? double(m_counters.completed() - before) * 1000.0 / double(now - since) : 0.0;
    } else if (m_counters.inFlight == 0) {
        // Stopped and drained: the rate is the run's average, which stays put.
        m_counters.achievedRate =
            m_counters.elapsedMs > 0 ? double(m_counters.completed()) * 1000.0 / double(m_counters.elapsedMs) : 0.0;
        m_notify.stop();
    }
    if (!m_changed)
        return;
    m_changed = false;
    emit countersUpdated();
}

} // namespace gh::analytics
