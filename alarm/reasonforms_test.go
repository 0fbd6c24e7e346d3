package alarm

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// untimed builds datapoints without timestamps, oldest first.
func untimed(vs ...float64) []Datapoint {
	ds := make([]Datapoint, len(vs))
	for i, v := range vs {
		ds[i] = Datapoint{Value: f64(v)}
	}
	return ds
}

// formReasons holds every example reason text of the research behind
// issue 9, one or more per form (T1–T6, C1, C2, B1, B2, M1, M2, I1, U1,
// X1, X2, Q1–Q3, P1, S1), exactly as AWS delivered or documented it, with
// where it was seen. Texts that the research quotes elided ("…") are kept
// so: they must yield the comparison and no datapoints.
var formReasons = []struct {
	form, source string
	reason       string
	want         reasonFacts
}{
	{"T1 greater than", "AWS docs, EventBridge single metric", "Threshold Crossed: 1 out of the last 1 datapoints [99.50160229693434 (02/10/19 16:59:00)] was greater than the threshold (50.0) (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{
		Form: reasonThreshold, Crossed: 1, EvaluationPeriods: 1, DatapointsToAlarm: intp(1), From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2019-10-02 16:59:00", 99.50160229693434)}, Operator: GreaterThanThreshold, Threshold: f64(50)}},
	{"T1 not greater than", "real, Sydney 2024", "Threshold Crossed: 1 out of the last 50 datapoints [48.0 (04/12/24 00:34:00)] was not greater than the threshold (50.0) (minimum 1 datapoint for ALARM -> OK transition).", reasonFacts{
		Form: reasonThreshold, Negated: true, Crossed: 1, EvaluationPeriods: 50, DatapointsToAlarm: intp(50), From: StateAlarm, To: StateOK,
		Datapoints: []Datapoint{dp("2024-12-04 00:34:00", 48)}, Operator: GreaterThanThreshold, Threshold: f64(50)}},
	{"T1 greater than or equal to, missing", "real, WAF 2024", "Threshold Crossed: 1 out of the last 20 datapoints [613.0 (16/03/24 12:15:00)] was greater than or equal to the threshold (1.0) and 19 missing datapoints were treated as [NonBreaching] (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{
		Form: reasonThreshold, Crossed: 1, EvaluationPeriods: 20, DatapointsToAlarm: intp(1), From: StateOK, To: StateAlarm, Missing: 19, MissingTreatedAs: TreatNotBreaching,
		Datapoints: []Datapoint{dp("2024-03-16 12:15:00", 613)}, Operator: GreaterThanOrEqualToThreshold, Threshold: f64(1)}},
	{"T1 not greater than or equal to, 3 listed", "real, cwagent 2022", "Threshold Crossed: 3 out of the last 3 datapoints [38.395433048854194 (26/01/22 13:24:00), 38.391752618786896 (26/01/22 13:19:00), 38.364239895660816 (26/01/22 13:14:00)] were not greater than or equal to the threshold (80.0) (minimum 1 datapoint for ALARM -> OK transition).", reasonFacts{
		Form: reasonThreshold, Negated: true, Crossed: 3, EvaluationPeriods: 3, DatapointsToAlarm: intp(3), From: StateAlarm, To: StateOK,
		Datapoints: []Datapoint{dp("2022-01-26 13:14:00", 38.364239895660816), dp("2022-01-26 13:19:00", 38.391752618786896), dp("2022-01-26 13:24:00", 38.395433048854194)},
		Operator:   GreaterThanOrEqualToThreshold, Threshold: f64(80)}},
	{"T1 less than", "real, Lambda action 2024", "Threshold Crossed: 1 out of the last 1 datapoints [1.0 (17/02/24 11:51:00)] was less than the threshold (10.0) (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{
		Form: reasonThreshold, Crossed: 1, EvaluationPeriods: 1, DatapointsToAlarm: intp(1), From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2024-02-17 11:51:00", 1)}, Operator: LessThanThreshold, Threshold: f64(10)}},
	{"T1 less than or equal to", "real, us-east-1 2018 history", "Threshold Crossed: 1 out of the last 1 datapoints [6.046241709654764 (15/08/18 21:15:00)] was less than or equal to the threshold (70.0) (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{
		Form: reasonThreshold, Crossed: 1, EvaluationPeriods: 1, DatapointsToAlarm: intp(1), From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2018-08-15 21:15:00", 6.046241709654764)}, Operator: LessThanOrEqualToThreshold, Threshold: f64(70)}},
	{"T1 less than or equal to", "real, Tokyo 2024 Lambda action", "Threshold Crossed: 1 out of the last 1 datapoints [1.0 (19/02/24 15:17:00)] was less than or equal to the threshold (1.0) (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{
		Form: reasonThreshold, Crossed: 1, EvaluationPeriods: 1, DatapointsToAlarm: intp(1), From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2024-02-19 15:17:00", 1)}, Operator: LessThanOrEqualToThreshold, Threshold: f64(1)}},
	{"T1 two listed", "real, Sydney 2024", "Threshold Crossed: 2 out of the last 2 datapoints [63.0 (11/12/24 06:04:00), 66.0 (11/12/24 05:59:00)] were greater than the threshold (50.0) (minimum 2 datapoints for OK -> ALARM transition).", reasonFacts{
		Form: reasonThreshold, Crossed: 2, EvaluationPeriods: 2, DatapointsToAlarm: intp(2), From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2024-12-11 05:59:00", 66), dp("2024-12-11 06:04:00", 63)}, Operator: GreaterThanThreshold, Threshold: f64(50)}},
	{"T2 less than, 5 of 5", "real, Oregon 2020", "Threshold Crossed: 5 out of the last 5 datapoints were less than the threshold (65.0). The most recent datapoints which crossed the threshold: [0.0 (29/04/20 23:32:00), 0.0 (29/04/20 23:31:00), 0.0 (29/04/20 23:30:00), 0.0 (29/04/20 23:29:00), 0.0 (29/04/20 23:28:00)] (minimum 5 datapoints for OK -> ALARM transition).", reasonFacts{
		Form: reasonThreshold, Crossed: 5, EvaluationPeriods: 5, DatapointsToAlarm: intp(5), From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2020-04-29 23:28:00", 0), dp("2020-04-29 23:29:00", 0), dp("2020-04-29 23:30:00", 0), dp("2020-04-29 23:31:00", 0), dp("2020-04-29 23:32:00", 0)},
		Operator:   LessThanThreshold, Threshold: f64(65)}},
	{"T2 30 of 30, 5 listed", "real, Sydney 2024", "Threshold Crossed: 30 out of the last 30 datapoints were greater than the threshold (20.0). The most recent datapoints which crossed the threshold: [60.0 (06/12/24 05:34:00), 60.0 (06/12/24 05:33:00), 59.0 (06/12/24 05:32:00), 59.0 (06/12/24 05:31:00), 59.0 (06/12/24 05:30:00)] (minimum 30 datapoints for OK -> ALARM transition).", reasonFacts{
		Form: reasonThreshold, Crossed: 30, EvaluationPeriods: 30, DatapointsToAlarm: intp(30), From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2024-12-06 05:30:00", 59), dp("2024-12-06 05:31:00", 59), dp("2024-12-06 05:32:00", 59), dp("2024-12-06 05:33:00", 60), dp("2024-12-06 05:34:00", 60)},
		Operator:   GreaterThanThreshold, Threshold: f64(20)}},
	{"T2 quoted elided", "real, 2020, quoted with an ellipsis", "Threshold Crossed: 5 out of the last 5 datapoints were greater than the threshold (400000.0). The most recent datapoints which crossed the threshold: [624630.0 (21/05/20 18:31:00), 1223375.0 (21/05/20 18:26:00), …] (minimum 5 datapoints for OK -> ALARM transition).", reasonFacts{
		Form: reasonThreshold, Crossed: 5, EvaluationPeriods: 5, Operator: GreaterThanThreshold, Threshold: f64(400000)}},
	{"T3 not greater than", "real, gci 2022", "Threshold Crossed: 3 datapoints [0.050002640067216934 (11/03/22 10:58:00), 0.04333311112870379 (11/03/22 10:53:00), 0.03166697224583412 (11/03/22 10:48:00)] were not greater than the threshold (60.0).", reasonFacts{
		Form: reasonThreshold, Negated: true, Crossed: 3,
		Datapoints: []Datapoint{dp("2022-03-11 10:48:00", 0.03166697224583412), dp("2022-03-11 10:53:00", 0.04333311112870379), dp("2022-03-11 10:58:00", 0.050002640067216934)},
		Operator:   GreaterThanThreshold, Threshold: f64(60)}},
	{"T3 not less than or equal to, missing", "real, 2026 incident notes", "Threshold Crossed: 1 datapoint [2.0 (19/08/26 09:36:00)] was not less than or equal to the threshold (0.0) and 7 missing datapoints were treated as [Breaching].", reasonFacts{
		Form: reasonThreshold, Negated: true, Crossed: 1, Missing: 7, MissingTreatedAs: TreatBreaching,
		Datapoints: []Datapoint{dp("2026-08-19 09:36:00", 2)}, Operator: LessThanOrEqualToThreshold, Threshold: f64(0)}},
	{"T3 three listed", "real, 2026 incident notes", "Threshold Crossed: 3 datapoints [2.0 (19/08/26 05:50:00), 3.0 (19/08/26 05:47:00), 1.0 (19/08/26 05:44:00)] were greater than the threshold (0.0).", reasonFacts{
		Form: reasonThreshold, Crossed: 3,
		Datapoints: []Datapoint{dp("2026-08-19 05:44:00", 1), dp("2026-08-19 05:47:00", 3), dp("2026-08-19 05:50:00", 2)}, Operator: GreaterThanThreshold, Threshold: f64(0)}},
	{"T3 one", "real, describe-alarms 2026", "Threshold Crossed: 1 datapoint [1.0 (26/03/26 09:42:00)] was greater than the threshold (0.0).", reasonFacts{
		Form: reasonThreshold, Crossed: 1, Datapoints: []Datapoint{dp("2026-03-26 09:42:00", 1)}, Operator: GreaterThanThreshold, Threshold: f64(0)}},
	{"T4 five", "real, us-east-1 2017", "Threshold Crossed: 5 datapoints were greater than the threshold (10.0). The most recent datapoints which crossed the threshold: [27.5 (08/08/17 20:09:00), 27.5 (08/08/17 20:08:00), 27.5 (08/08/17 20:07:00), 27.5 (08/08/17 20:06:00), 27.5 (08/08/17 20:05:00)].", reasonFacts{
		Form: reasonThreshold, Crossed: 5,
		Datapoints: []Datapoint{dp("2017-08-08 20:05:00", 27.5), dp("2017-08-08 20:06:00", 27.5), dp("2017-08-08 20:07:00", 27.5), dp("2017-08-08 20:08:00", 27.5), dp("2017-08-08 20:09:00", 27.5)},
		Operator:   GreaterThanThreshold, Threshold: f64(10)}},
	{"T4 greater than or equal to", "real, Stockholm 2025 e-mail", "Threshold Crossed: 5 datapoints were greater than or equal to the threshold (80.0). The most recent datapoints which crossed the threshold: [84.93923823723915 (03/09/25 06:24:00), 84.9368272080435 (03/09/25 06:23:00), 84.93257920422259 (03/09/25 06:22:00), 84.9314310950818 (03/09/25 06:21:00), 84.92614979303418 (03/09/25 06:20:00)].", reasonFacts{
		Form: reasonThreshold, Crossed: 5,
		Datapoints: []Datapoint{dp("2025-09-03 06:20:00", 84.92614979303418), dp("2025-09-03 06:21:00", 84.9314310950818), dp("2025-09-03 06:22:00", 84.93257920422259), dp("2025-09-03 06:23:00", 84.9368272080435), dp("2025-09-03 06:24:00", 84.93923823723915)},
		Operator:   GreaterThanOrEqualToThreshold, Threshold: f64(80)}},
	{"T4 24 datapoints, 5 listed", "real, eu-west-1 2024", "Threshold Crossed: 24 datapoints were greater than the threshold (0.0). The most recent datapoints which crossed the threshold: [1.0 (19/12/24 08:33:00), 1.0 (19/12/24 08:32:00), 1.0 (19/12/24 08:31:00), 1.0 (19/12/24 08:30:00), 1.0 (19/12/24 08:29:00)].", reasonFacts{
		Form: reasonThreshold, Crossed: 24,
		Datapoints: []Datapoint{dp("2024-12-19 08:29:00", 1), dp("2024-12-19 08:30:00", 1), dp("2024-12-19 08:31:00", 1), dp("2024-12-19 08:32:00", 1), dp("2024-12-19 08:33:00", 1)},
		Operator:   GreaterThanThreshold, Threshold: f64(0)}},
	{"T5 values only", "real, EU (Ireland) 2017", "Threshold Crossed: 2 datapoints were greater than or equal to the threshold (7.0). The most recent datapoints: [7.0, 7.0].", reasonFacts{
		Form: reasonThreshold, Crossed: 2, Datapoints: untimed(7, 7), Operator: GreaterThanOrEqualToThreshold, Threshold: f64(7)}},
	{"T5 list shorter than N", "AWS CLI reference, 2014 data", "Threshold Crossed: 10 datapoints were not greater than or equal to the threshold (70.0). The most recent datapoints: [40.760000000000005, 41.316].", reasonFacts{
		Form: reasonThreshold, Negated: true, Crossed: 10, Datapoints: untimed(41.316, 40.760000000000005), Operator: GreaterThanOrEqualToThreshold, Threshold: f64(70)}},
	{"T5 not greater than", "AWS CLI reference, 2014 data", "Threshold Crossed: 2 datapoints were not greater than the threshold (70.0). The most recent datapoints: [38.958, 40.292].", reasonFacts{
		Form: reasonThreshold, Negated: true, Crossed: 2, Datapoints: untimed(40.292, 38.958), Operator: GreaterThanThreshold, Threshold: f64(70)}},
	{"T6 legacy single", "real, corpus", "Threshold Crossed: 1 datapoint (1.0) was not greater than or equal to the threshold (50.0).", reasonFacts{
		Form: reasonThreshold, Negated: true, Crossed: 1, Datapoints: untimed(1), Operator: GreaterThanOrEqualToThreshold, Threshold: f64(50)}},
	{"C1 contributor ALARM", "real, us-west-2 2026", "Threshold Crossed: 1 out of the last 1 datapoints was greater than the threshold (10.0). The most recent datapoint which crossed the threshold: [20.0 (23/09/26 19:53:00)] (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{
		Form: reasonThreshold, Crossed: 1, EvaluationPeriods: 1, DatapointsToAlarm: intp(1), From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2026-09-23 19:53:00", 20)}, Operator: GreaterThanThreshold, Threshold: f64(10)}},
	{"C1 contributor OK", "real, us-west-2 2026", "Threshold Crossed: 1 out of the last 1 datapoints was not greater than the threshold (10.0). The most recent datapoint which not crossed the threshold: [5.0 (23/09/26 20:05:00)] (minimum 1 datapoint for ALARM -> OK transition).", reasonFacts{
		Form: reasonThreshold, Negated: true, Crossed: 1, EvaluationPeriods: 1, DatapointsToAlarm: intp(1), From: StateAlarm, To: StateOK,
		Datapoints: []Datapoint{dp("2026-09-23 20:05:00", 5)}, Operator: GreaterThanThreshold, Threshold: f64(10)}},
	{"C2 contributor", "AWS docs, Multi Time Series tab", "Threshold Crossed: 1 datapoint was less than the threshold (1.0). The most recent datapoint which crossed the threshold: [0.0 (01/12/25 13:34:00)].", reasonFacts{
		Form: reasonThreshold, Crossed: 1, Datapoints: []Datapoint{dp("2025-12-01 13:34:00", 0)}, Operator: LessThanThreshold, Threshold: f64(1)}},
	{"C2 three datapoints, one listed", "AWS docs, Acting_Alarm_Changes", "Threshold Crossed: 3 datapoints were greater than the threshold (0.0). The most recent datapoints which crossed the threshold: [32.6 (03/07/25 08:29:00)].", reasonFacts{
		Form: reasonThreshold, Crossed: 3, Datapoints: []Datapoint{dp("2025-07-03 08:29:00", 32.6)}, Operator: GreaterThanThreshold, Threshold: f64(0)}},
	{"B1 both edges", "AWS docs, anomaly detection", "Thresholds Crossed: 1 out of the last 1 datapoints [0.0 (03/10/19 15:58:00)] was less than the lower thresholds [0.020599444741798756] or greater than the upper thresholds [0.3006915352732461] (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{
		Form: reasonBand, Crossed: 1, EvaluationPeriods: 1, DatapointsToAlarm: intp(1), From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2019-10-03 15:58:00", 0, f64(0.020599444741798756), f64(0.3006915352732461))},
		Operator:   LessThanLowerOrGreaterThanUpperThreshold, Lower: f64(0.020599444741798756), Upper: f64(0.3006915352732461)}},
	{"B1 not greater than the upper", "real, RDS 2023", "Thresholds Crossed: 1 out of the last 3 datapoints [40.609605060341245 (08/09/23 15:36:00)] was not greater than the upper thresholds [44.47595391472755] (minimum 1 datapoint for ALARM -> OK transition).", reasonFacts{
		Form: reasonBand, Negated: true, Crossed: 1, EvaluationPeriods: 3, DatapointsToAlarm: intp(3), From: StateAlarm, To: StateOK,
		Datapoints: []Datapoint{dp("2023-09-08 15:36:00", 40.609605060341245, nil, f64(44.47595391472755))},
		Operator:   GreaterThanUpperThreshold, Upper: f64(44.47595391472755)}},
	{"B2 quoted elided", "real, 2021 SNS, quoted with ellipses in issue 9", "Thresholds Crossed: 5 out of the last 5 datapoints were greater than the upper thresholds. Recent datapoints [15400.0 (07/06/21 10:49:00), 15150.0 (07/06/21 10:48:00), …] crossed the upper thresholds [12000.0, …].", reasonFacts{
		Form: reasonBand, Crossed: 5, EvaluationPeriods: 5, Operator: GreaterThanUpperThreshold}},
	{"B2 quoted cut", "real, ap-southeast-1, quoted cut in a blog", "Thresholds Crossed: 5 out of the last 5 datapoints were greater than the upper thresholds. ....", reasonFacts{
		Form: reasonBand, Crossed: 5, EvaluationPeriods: 5, Operator: GreaterThanUpperThreshold}},
	{"M1 Breaching", "real, us-west-2 2017", "Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [Breaching].", reasonFacts{
		Form: reasonNoData, Periods: 1, Missing: 1, MissingTreatedAs: TreatBreaching}},
	{"M1 NonBreaching", "real, 2026", "Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [NonBreaching].", reasonFacts{
		Form: reasonNoData, Periods: 1, Missing: 1, MissingTreatedAs: TreatNotBreaching}},
	{"M1 plural, quoted without prefix", "real, 2026 comment", "no datapoints were received for 2 periods and 2 missing datapoints were treated as [NonBreaching]", reasonFacts{
		Form: reasonNoData, Periods: 2, Missing: 2, MissingTreatedAs: TreatNotBreaching}},
	{"M1 plural Breaching, quoted without prefix", "real, 2026 history table", "no datapoints were received for 2 periods and 2 missing datapoints were treated as [Breaching]", reasonFacts{
		Form: reasonNoData, Periods: 2, Missing: 2, MissingTreatedAs: TreatBreaching}},
	{"M1 bare, quoted", "2026 notes, possibly cut", "no datapoints were received for 8 periods", reasonFacts{Form: reasonNoData, Periods: 8}},
	{"M2 partly missing, quoted without prefix", "real, 2026 comment", "1 datapoint was received for 3 periods and 2 missing datapoints were treated as [Breaching]", reasonFacts{
		Form: reasonNoData, Received: 1, Periods: 3, Missing: 2, MissingTreatedAs: TreatBreaching}},
	{"I1 one", "real, corpus", "Insufficient Data: 1 datapoint was unknown.", reasonFacts{Form: reasonInsufficient, Unknown: 1}},
	{"I1 five", "real, corpus", "Insufficient Data: 5 datapoints were unknown.", reasonFacts{Form: reasonInsufficient, Unknown: 5}},
	{"U1", "real, us-west-2 2026", "Unchecked: Initial alarm creation", reasonFacts{Form: reasonCreated}},
	{"X1 composite child", "AWS docs, composite", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:SuppressionDemo.EventBridge.FirstChild transitioned to ALARM at Friday 22 July, 2022 15:57:45 UTC", reasonFacts{
		Form: reasonChild, Subject: &Child{ARN: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:SuppressionDemo.EventBridge.FirstChild", State: StateAlarm, Timestamp: time.Date(2022, 7, 22, 15, 57, 45, 0, time.UTC)}}},
	{"X2 composite created", "AWS docs, composite", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:SuppressionDemo.EventBridge.Main was created and its alarm rule evaluates to OK", reasonFacts{
		Form: reasonRuleCreated, Subject: &Child{ARN: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:SuppressionDemo.EventBridge.Main", State: StateOK}}},
	{"Q1 one of two", "real, us-west-2 2026", "1 out of 2 time series evaluated to ALARM", reasonFacts{Form: reasonSeries, Series: &SeriesCount{InAlarm: 1, Total: 2}}},
	{"Q1 two of two", "real, us-west-2 2026", "2 out of 2 time series evaluated to ALARM", reasonFacts{Form: reasonSeries, Series: &SeriesCount{InAlarm: 2, Total: 2}}},
	{"Q1 six of six", "AWS docs, Multi Time Series tab", "6 out of 6 time series evaluated to ALARM", reasonFacts{Form: reasonSeries, Series: &SeriesCount{InAlarm: 6, Total: 6}}},
	{"Q1 95 of 150", "AWS docs, alarm limits", "95 out of 150 time series evaluated to ALARM", reasonFacts{Form: reasonSeries, Series: &SeriesCount{InAlarm: 95, Total: 150}}},
	{"Q1 capped", "AWS docs, alarm limits", "100+ time series evaluated to ALARM", reasonFacts{Form: reasonSeries, Series: &SeriesCount{InAlarm: 100, AtLeast: true}}},
	{"Q2 OK", "real, us-west-2 2026", "2 time series evaluated to OK", reasonFacts{Form: reasonSeries, Series: &SeriesCount{Total: 2}}},
	{"Q3 empty query", "real, 2026 pilot notes (quoted cut)", "No time series were returned by the query.", reasonFacts{Form: reasonSeries, Series: &SeriesCount{}}},
	{"Q3 empty query, missing data", "real, 2026 pilot notes, OK state", "No time series were returned by the query. Treat missing data is configured as [NonBreaching].", reasonFacts{
		Form: reasonSeries, Series: &SeriesCount{}, MissingTreatedAs: TreatNotBreaching}},
	{"P1 PromQL", "AWS docs, alarm limits", "95 time series evaluated to ALARM", reasonFacts{Form: reasonSeries, Series: &SeriesCount{InAlarm: 95}}},
	{"S1 SetAlarmState", "real, Tokyo corpus", "test", reasonFacts{}},
	{"S1 SetAlarmState", "AWS CLI reference", "testing purposes", reasonFacts{}},
	{"S1 SetAlarmState", "real, stackd 2026", "stackd-native-cw-sns-4b229becf207 observed manual transition to ALARM", reasonFacts{}},
	{"emulator contributor OK", "stackd emulator, not seen from AWS", "No data was returned for this contributor", reasonFacts{}},
}

// inferredReasons are forms that no capture or AWS document shows whole:
// their wording is inferred from the forms that are seen, and the parser
// reads them so that a real one decodes if AWS writes it that way.
var inferredReasons = []struct {
	name   string
	reason string
	want   reasonFacts
}{
	{"B2 completed", "Thresholds Crossed: 5 out of the last 5 datapoints were greater than the upper thresholds. Recent datapoints [15400.0 (07/06/21 10:49:00), 15150.0 (07/06/21 10:48:00), 14900.0 (07/06/21 10:47:00), 14650.0 (07/06/21 10:46:00), 14400.0 (07/06/21 10:45:00)] crossed the upper thresholds [12000.0, 12010.0, 12020.0, 12030.0, 12040.0] (minimum 5 datapoints for OK -> ALARM transition).", reasonFacts{
		Form: reasonBand, Crossed: 5, EvaluationPeriods: 5, DatapointsToAlarm: intp(5), From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2021-06-07 10:45:00", 14400, nil, f64(12040)), dp("2021-06-07 10:46:00", 14650, nil, f64(12030)), dp("2021-06-07 10:47:00", 14900, nil, f64(12020)), dp("2021-06-07 10:48:00", 15150, nil, f64(12010)), dp("2021-06-07 10:49:00", 15400, nil, f64(12000))},
		Operator:   GreaterThanUpperThreshold, Upper: f64(12000)}},
	{"B2 lower", "Thresholds Crossed: 5 out of the last 5 datapoints were less than the lower thresholds. Recent datapoints [1.0 (07/06/21 10:49:00), 2.0 (07/06/21 10:48:00)] crossed the lower thresholds [10.0, 11.0].", reasonFacts{
		Form: reasonBand, Crossed: 5, EvaluationPeriods: 5,
		Datapoints: []Datapoint{dp("2021-06-07 10:48:00", 2, f64(11), nil), dp("2021-06-07 10:49:00", 1, f64(10), nil)},
		Operator:   LessThanLowerThreshold, Lower: f64(10)}},
	{"B2 both edges", "Thresholds Crossed: 5 out of the last 5 datapoints were not less than the lower thresholds or not greater than the upper thresholds. Recent datapoints [5.0 (07/06/21 10:49:00)] crossed the lower thresholds [1.0] or the upper thresholds [9.0] (minimum 1 datapoint for ALARM -> OK transition).", reasonFacts{
		Form: reasonBand, Negated: true, Crossed: 5, EvaluationPeriods: 5, DatapointsToAlarm: intp(5), From: StateAlarm, To: StateOK,
		Datapoints: []Datapoint{dp("2021-06-07 10:49:00", 5, f64(1), f64(9))},
		Operator:   LessThanLowerOrGreaterThanUpperThreshold, Lower: f64(1), Upper: f64(9)}},
	{"M2 with its prefix", "Threshold Crossed: 1 datapoint was received for 3 periods and 2 missing datapoints were treated as [Breaching].", reasonFacts{
		Form: reasonNoData, Received: 1, Periods: 3, Missing: 2, MissingTreatedAs: TreatBreaching}},
	{"T2 with missing datapoints", "Threshold Crossed: 3 out of the last 5 datapoints were greater than the threshold (1.0) and 2 missing datapoints were treated as [Breaching]. The most recent datapoints which crossed the threshold: [2.0 (07/06/21 10:49:00)] (minimum 3 datapoints for OK -> ALARM transition).", reasonFacts{
		Form: reasonThreshold, Crossed: 3, EvaluationPeriods: 5, DatapointsToAlarm: intp(3), From: StateOK, To: StateAlarm, Missing: 2, MissingTreatedAs: TreatBreaching,
		Datapoints: []Datapoint{dp("2021-06-07 10:49:00", 2)}, Operator: GreaterThanThreshold, Threshold: f64(1)}},
	{"treated as Missing", "Threshold Crossed: 1 datapoint [1.0 (07/06/21 10:49:00)] was greater than the threshold (0.0) and 1 missing datapoint was treated as [Missing].", reasonFacts{
		Form: reasonThreshold, Crossed: 1, Missing: 1, MissingTreatedAs: TreatMissing,
		Datapoints: []Datapoint{dp("2021-06-07 10:49:00", 1)}, Operator: GreaterThanThreshold, Threshold: f64(0)}},
	{"treated as Ignore", "Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [Ignore].", reasonFacts{
		Form: reasonNoData, Periods: 1, Missing: 1, MissingTreatedAs: TreatIgnore}},
	{"summary list that does not parse", "Threshold Crossed: 5 datapoints were greater than the threshold (10.0). The most recent datapoints which crossed the threshold: [27.5 (08/08/17 20:09:00), oops].", reasonFacts{
		Form: reasonThreshold, Crossed: 5, Operator: GreaterThanThreshold, Threshold: f64(10)}},
}

// TestParseReasonForms checks every example reason of every form, and the
// inferred forms, against the facts it states.
func TestParseReasonForms(t *testing.T) {
	for _, tt := range formReasons {
		t.Run(tt.form+"/"+tt.source, func(t *testing.T) {
			got := parseReason(tt.reason)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("parseReason(%q) mismatch (-want +got):\n%s", tt.reason, diff)
			}
			checkFacts(t, tt.reason, got)
		})
	}
	for _, tt := range inferredReasons {
		t.Run("inferred/"+tt.name, func(t *testing.T) {
			got := parseReason(tt.reason)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("parseReason(%q) mismatch (-want +got):\n%s", tt.reason, diff)
			}
			checkFacts(t, tt.reason, got)
		})
	}
}
