package alarm

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// f64 returns a pointer to v.
func f64(v float64) *float64 { return &v }

// intp returns a pointer to v.
func intp(v int) *int { return &v }

// dp builds a datapoint at ts ("2006-01-02 15:04:05" UTC, "" for none) with
// value v and optionally the band edges lower and upper.
func dp(ts string, v float64, band ...*float64) Datapoint {
	d := Datapoint{Value: &v}
	if ts != "" {
		t, err := time.Parse(time.DateTime, ts)
		if err != nil {
			panic(err)
		}
		d.Timestamp = t
	}
	if len(band) == 2 {
		d.Lower, d.Upper = band[0], band[1]
	}
	return d
}

// corpusReasons holds every distinct NewStateReason, state.reason and
// previousState.reason in the shared corpus of real and AWS-published
// payloads, including those in JSON nested in strings, in corpus file order.
// The wants were checked by hand against each payload's Trigger
// (EvaluationPeriods, DatapointsToAlarm, ComparisonOperator, Threshold).
var corpusReasons = []struct {
	reason string
	want   reasonFacts
}{
	{"arn:aws:cloudwatch:us-east-1:123456789012:alarm:SuppressionDemo.EventBridge.FirstChild transitioned to ALARM at Friday 22 July, 2022 15:57:45 UTC", reasonFacts{Form: reasonChild, Subject: &Child{ARN: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:SuppressionDemo.EventBridge.FirstChild", State: StateAlarm, Timestamp: time.Date(2022, time.July, 22, 15, 57, 45, 0, time.UTC)}}},
	{"arn:aws:cloudwatch:us-east-1:123456789012:alarm:SuppressionDemo.EventBridge.Main was created and its alarm rule evaluates to OK", reasonFacts{Form: reasonRuleCreated, Subject: &Child{ARN: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:SuppressionDemo.EventBridge.Main", State: StateOK}}},
	{"forced test reason", reasonFacts{}},
	{"Thresholds Crossed: 1 out of the last 1 datapoints [0.0 (03/10/19 15:58:00)] was less than the lower thresholds [0.020599444741798756] or greater than the upper thresholds [0.3006915352732461] (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{Form: reasonBand, Crossed: 1, From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2019-10-03 15:58:00", 0, f64(0.020599444741798756), f64(0.3006915352732461))},
		Operator:   LessThanLowerOrGreaterThanUpperThreshold, Lower: f64(0.020599444741798756), Upper: f64(0.3006915352732461), EvaluationPeriods: 1, DatapointsToAlarm: intp(1)}},
	{"Thresholds Crossed: 1 out of the last 1 datapoints [0.166666666664241 (03/10/19 15:57:00)] was not less than the lower thresholds [0.0206719426210418] or not greater than the upper thresholds [0.30076870222143803] (minimum 1 datapoint for ALARM -> OK transition).", reasonFacts{Form: reasonBand, Negated: true, Crossed: 1, From: StateAlarm, To: StateOK,
		Datapoints: []Datapoint{dp("2019-10-03 15:57:00", 0.166666666664241, f64(0.0206719426210418), f64(0.30076870222143803))},
		Operator:   LessThanLowerOrGreaterThanUpperThreshold, Lower: f64(0.0206719426210418), Upper: f64(0.30076870222143803), EvaluationPeriods: 1, DatapointsToAlarm: intp(1)}},
	{"Unchecked: Initial alarm creation", reasonFacts{Form: reasonCreated}},
	{"Threshold Crossed: 1 out of the last 1 datapoints [45628.0 (02/10/19 17:10:00)] was greater than the threshold (10000.0) (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{Form: reasonThreshold, Crossed: 1, From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2019-10-02 17:10:00", 45628)},
		Operator:   GreaterThanThreshold, Threshold: f64(10000), EvaluationPeriods: 1, DatapointsToAlarm: intp(1)}},
	{"Threshold Crossed: 3 out of the last 3 datapoints [20000.0 (08/11/22 11:25:00), 20000.0 (08/11/22 11:24:00), 20000.0 (08/11/22 11:23:00)] were greater than the threshold (0.0) (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{Form: reasonThreshold, Crossed: 3, From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2022-11-08 11:23:00", 20000), dp("2022-11-08 11:24:00", 20000), dp("2022-11-08 11:25:00", 20000)},
		Operator:   GreaterThanThreshold, Threshold: f64(0), EvaluationPeriods: 3, DatapointsToAlarm: intp(1)}},
	{"Threshold Crossed: 1 out of the last 1 datapoints [0.0666851903306472 (01/10/19 13:46:00)] was not greater than the threshold (50.0) (minimum 1 datapoint for ALARM -> OK transition).", reasonFacts{Form: reasonThreshold, Negated: true, Crossed: 1, From: StateAlarm, To: StateOK,
		Datapoints: []Datapoint{dp("2019-10-01 13:46:00", 0.0666851903306472)},
		Operator:   GreaterThanThreshold, Threshold: f64(50), EvaluationPeriods: 1, DatapointsToAlarm: intp(1)}},
	{"Threshold Crossed: 1 out of the last 1 datapoints [99.50160229693434 (02/10/19 16:59:00)] was greater than the threshold (50.0) (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{Form: reasonThreshold, Crossed: 1, From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2019-10-02 16:59:00", 99.50160229693434)},
		Operator:   GreaterThanThreshold, Threshold: f64(50), EvaluationPeriods: 1, DatapointsToAlarm: intp(1)}},
	{"Insufficient Data: 5 datapoints were unknown.", reasonFacts{Form: reasonInsufficient, Unknown: 5}},
	{"testing only", reasonFacts{}},
	{"Threshold Crossed: 3 out of the last 3 datapoints [38.395433048854194 (26/01/22 13:24:00), 38.391752618786896 (26/01/22 13:19:00), 38.364239895660816 (26/01/22 13:14:00)] were not greater than or equal to the threshold (80.0) (minimum 1 datapoint for ALARM -> OK transition).", reasonFacts{Form: reasonThreshold, Negated: true, Crossed: 3, From: StateAlarm, To: StateOK,
		Datapoints: []Datapoint{dp("2022-01-26 13:14:00", 38.364239895660816), dp("2022-01-26 13:19:00", 38.391752618786896), dp("2022-01-26 13:24:00", 38.395433048854194)},
		Operator:   GreaterThanOrEqualToThreshold, Threshold: f64(80), EvaluationPeriods: 3, DatapointsToAlarm: intp(3)}},
	{"test", reasonFacts{}},
	{"arn:aws:cloudwatch:us-east-1:111122223333:alarm:CompositeDemo.FirstChild transitioned to ALARM at Friday 04 August, 2023 12:54:46 UTC", reasonFacts{Form: reasonChild, Subject: &Child{ARN: "arn:aws:cloudwatch:us-east-1:111122223333:alarm:CompositeDemo.FirstChild", State: StateAlarm, Timestamp: time.Date(2023, time.August, 4, 12, 54, 46, 0, time.UTC)}}},
	{"Threshold Crossed: 1 out of the last 1 datapoints [1.0 (17/02/24 11:51:00)] was less than the threshold (10.0) (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{Form: reasonThreshold, Crossed: 1, From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2024-02-17 11:51:00", 1)},
		Operator:   LessThanThreshold, Threshold: f64(10), EvaluationPeriods: 1, DatapointsToAlarm: intp(1)}},
	{"Threshold Crossed: 1 out of the last 1 datapoints [1.0 (17/02/24 11:50:00)] was not greater than the threshold (10.0) (minimum 1 datapoint for ALARM -> OK transition).", reasonFacts{Form: reasonThreshold, Negated: true, Crossed: 1, From: StateAlarm, To: StateOK,
		Datapoints: []Datapoint{dp("2024-02-17 11:50:00", 1)},
		Operator:   GreaterThanThreshold, Threshold: f64(10), EvaluationPeriods: 1, DatapointsToAlarm: intp(1)}},
	{"arn:aws:cloudwatch:us-east-1: 111122223333:alarm:CompositeDemo.FirstChild transitioned to ALARM at Friday 04 August, 2023 12: 54: 46 UTC", reasonFacts{Form: reasonChild, Subject: &Child{ARN: "arn:aws:cloudwatch:us-east-1:111122223333:alarm:CompositeDemo.FirstChild", State: StateAlarm, Timestamp: time.Date(2023, time.August, 4, 12, 54, 46, 0, time.UTC)}}},
	{"arn:aws:cloudwatch:us-east-1: 111122223333:alarm:CompositeDemo.FirstChild transitioned to ALARM at Friday 04 August,2023 12: 54: 46 UTC", reasonFacts{Form: reasonChild, Subject: &Child{ARN: "arn:aws:cloudwatch:us-east-1:111122223333:alarm:CompositeDemo.FirstChild", State: StateAlarm, Timestamp: time.Date(2023, time.August, 4, 12, 54, 46, 0, time.UTC)}}},
	{"Thresholds Crossed: 1 out of the last 1 datapoints [239.0 (25/07/24 07:21:00)] was greater than the upper thresholds [225.71426732099445] (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{Form: reasonBand, Crossed: 1, From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2024-07-25 07:21:00", 239, nil, f64(225.71426732099445))},
		Operator:   GreaterThanUpperThreshold, Upper: f64(225.71426732099445), EvaluationPeriods: 1, DatapointsToAlarm: intp(1)}},
	{"Thresholds Crossed: 1 out of the last 1 datapoints [209.0 (25/07/24 06:59:00)] was not greater than the upper thresholds [330.3191408914422] (minimum 1 datapoint for ALARM -> OK transition).", reasonFacts{Form: reasonBand, Negated: true, Crossed: 1, From: StateAlarm, To: StateOK,
		Datapoints: []Datapoint{dp("2024-07-25 06:59:00", 209, nil, f64(330.3191408914422))},
		Operator:   GreaterThanUpperThreshold, Upper: f64(330.3191408914422), EvaluationPeriods: 1, DatapointsToAlarm: intp(1)}},
	{"Insufficient Data: 1 datapoint was unknown.", reasonFacts{Form: reasonInsufficient, Unknown: 1}},
	{"Threshold Crossed: 1 out of the last 1 datapoints [1234.0 (06/03/15 17:43:27)] was greater than the threshold (0.0) (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{Form: reasonThreshold, Crossed: 1, From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2015-03-06 17:43:27", 1234)},
		Operator:   GreaterThanThreshold, Threshold: f64(0), EvaluationPeriods: 1, DatapointsToAlarm: intp(1)}},
	{"Threshold Crossed: 1 datapoint [1.50785441792E10 (12/09/19 09:06:00)] was greater than the threshold (5.0).", reasonFacts{Form: reasonThreshold, Crossed: 1,
		Datapoints: []Datapoint{dp("2019-09-12 09:06:00", 1.50785441792e+10)},
		Operator:   GreaterThanThreshold, Threshold: f64(5)}},
	{"Threshold Crossed: 1 datapoint [1.50755950592E10 (12/09/19 09:49:00)] was not less than the threshold (5.0).", reasonFacts{Form: reasonThreshold, Negated: true, Crossed: 1,
		Datapoints: []Datapoint{dp("2019-09-12 09:49:00", 1.50755950592e+10)},
		Operator:   LessThanThreshold, Threshold: f64(5)}},
	{"Threshold Crossed: 3 out of the last 3 datapoints [1.0 (06/12/21 14:20:00), 1.0 (06/12/21 14:15:00), 1.0 (06/12/21 14:10:00)] were greater than or equal to the threshold (1.0) (minimum 3 datapoints for OK -> ALARM transition).", reasonFacts{Form: reasonThreshold, Crossed: 3, From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2021-12-06 14:10:00", 1), dp("2021-12-06 14:15:00", 1), dp("2021-12-06 14:20:00", 1)},
		Operator:   GreaterThanOrEqualToThreshold, Threshold: f64(1), EvaluationPeriods: 3, DatapointsToAlarm: intp(3)}},
	{"Threshold Crossed: 1 datapoint [8.0 (05/07/24 15:19:00)] was greater than or equal to the threshold (5.0).", reasonFacts{Form: reasonThreshold, Crossed: 1,
		Datapoints: []Datapoint{dp("2024-07-05 15:19:00", 8)},
		Operator:   GreaterThanOrEqualToThreshold, Threshold: f64(5)}},
	{"Threshold Crossed: 1 datapoint [1.0 (12/02/19 15:44:00)] was not less than the threshold (1.0).", reasonFacts{Form: reasonThreshold, Negated: true, Crossed: 1,
		Datapoints: []Datapoint{dp("2019-02-12 15:44:00", 1)},
		Operator:   LessThanThreshold, Threshold: f64(1)}},
	{"Thresholds Crossed: 1 out of the last 2 datapoints [0.0025642349034637954 (29/06/21 15:20:00)] was not greater than the upper thresholds [0.3309826664011767] (minimum 1 datapoint for ALARM -> OK transition).", reasonFacts{Form: reasonBand, Negated: true, Crossed: 1, From: StateAlarm, To: StateOK,
		Datapoints: []Datapoint{dp("2021-06-29 15:20:00", 0.0025642349034637954, nil, f64(0.3309826664011767))},
		Operator:   GreaterThanUpperThreshold, Upper: f64(0.3309826664011767), EvaluationPeriods: 2, DatapointsToAlarm: intp(2)}},
	{"Thresholds Crossed: 1 out of the last 1 datapoints [0.46522264287069004 (27/06/21 13:52:00)] was not less than the lower thresholds [0.4129373661576242] or not greater than the upper thresholds [0.4700330400585261] (minimum 1 datapoint for ALARM -> OK transition).", reasonFacts{Form: reasonBand, Negated: true, Crossed: 1, From: StateAlarm, To: StateOK,
		Datapoints: []Datapoint{dp("2021-06-27 13:52:00", 0.46522264287069004, f64(0.4129373661576242), f64(0.4700330400585261))},
		Operator:   LessThanLowerOrGreaterThanUpperThreshold, Lower: f64(0.4129373661576242), Upper: f64(0.4700330400585261), EvaluationPeriods: 1, DatapointsToAlarm: intp(1)}},
	{"Threshold Crossed: 1 out of the last 1 datapoints [17.2564528039004 (23/06/21 08:31:00)] was greater than the threshold (15.0) (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{Form: reasonThreshold, Crossed: 1, From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2021-06-23 08:31:00", 17.2564528039004)},
		Operator:   GreaterThanThreshold, Threshold: f64(15), EvaluationPeriods: 1, DatapointsToAlarm: intp(1)}},
	{"Threshold Crossed: 1 datapoint (1.0) was not greater than or equal to the threshold (50.0).", reasonFacts{Form: reasonThreshold, Negated: true, Crossed: 1,
		Datapoints: []Datapoint{dp("", 1)},
		Operator:   GreaterThanOrEqualToThreshold, Threshold: f64(50)}},
	{"Thresholds Crossed: 1 out of the last 1 datapoints [0.3647359623208398 (25/08/21 13:28:00)] was less than the lower thresholds [0.3745361004392295] or greater than the upper thresholds [0.42329814009957095] (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{Form: reasonBand, Crossed: 1, From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2021-08-25 13:28:00", 0.3647359623208398, f64(0.3745361004392295), f64(0.42329814009957095))},
		Operator:   LessThanLowerOrGreaterThanUpperThreshold, Lower: f64(0.3745361004392295), Upper: f64(0.42329814009957095), EvaluationPeriods: 1, DatapointsToAlarm: intp(1)}},
	{"Threshold Crossed: 1 datapoint [0.0 (19/03/24 17:14:00)] was not greater than or equal to the threshold (1.0).", reasonFacts{Form: reasonThreshold, Negated: true, Crossed: 1,
		Datapoints: []Datapoint{dp("2024-03-19 17:14:00", 0)},
		Operator:   GreaterThanOrEqualToThreshold, Threshold: f64(1)}},
	{"Threshold Crossed: 1 out of the last 20 datapoints [613.0 (16/03/24 12:15:00)] was greater than or equal to the threshold (1.0) and 19 missing datapoints were treated as [NonBreaching] (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{Form: reasonThreshold, Crossed: 1, From: StateOK, To: StateAlarm, Missing: 19,
		Datapoints: []Datapoint{dp("2024-03-16 12:15:00", 613)},
		Operator:   GreaterThanOrEqualToThreshold, Threshold: f64(1), EvaluationPeriods: 20, DatapointsToAlarm: intp(1), MissingTreatedAs: "notBreaching"}},
	{"Threshold Crossed", reasonFacts{}},
	{"arn:aws:cloudwatch:us-east-1:427809481713:alarm:if-sim-app_427809481713_us-east-1-metric_emitting_node_failure transitioned to ALARM at Wednesday 10 November, 2021 02:45:55 UTC", reasonFacts{Form: reasonChild, Subject: &Child{ARN: "arn:aws:cloudwatch:us-east-1:427809481713:alarm:if-sim-app_427809481713_us-east-1-metric_emitting_node_failure", State: StateAlarm, Timestamp: time.Date(2021, time.November, 10, 2, 45, 55, 0, time.UTC)}}},
	{"Threshold Crossed: 1 out of the last 1 datapoints [1.0 (10/11/21 02:40:00)] was greater than or equal to the threshold (1.0) (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{Form: reasonThreshold, Crossed: 1, From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2021-11-10 02:40:00", 1)},
		Operator:   GreaterThanOrEqualToThreshold, Threshold: f64(1), EvaluationPeriods: 1, DatapointsToAlarm: intp(1)}},
	{"Threshold Crossed: 1 out of the last 1 datapoints [0.337675 (19/12/21 23:01:00)] was greater than the threshold (0.28) (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{Form: reasonThreshold, Crossed: 1, From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2021-12-19 23:01:00", 0.337675)},
		Operator:   GreaterThanThreshold, Threshold: f64(0.28), EvaluationPeriods: 1, DatapointsToAlarm: intp(1)}},
	{"Threshold Crossed: 3 datapoints [0.050002640067216934 (11/03/22 10:58:00), 0.04333311112870379 (11/03/22 10:53:00), 0.03166697224583412 (11/03/22 10:48:00)] were not greater than the threshold (60.0).", reasonFacts{Form: reasonThreshold, Negated: true, Crossed: 3,
		Datapoints: []Datapoint{dp("2022-03-11 10:48:00", 0.03166697224583412), dp("2022-03-11 10:53:00", 0.04333311112870379), dp("2022-03-11 10:58:00", 0.050002640067216934)},
		Operator:   GreaterThanThreshold, Threshold: f64(60)}},
	{"Thresholds Crossed: 1 out of the last 3 datapoints [40.609605060341245 (08/09/23 15:36:00)] was not greater than the upper thresholds [44.47595391472755] (minimum 1 datapoint for ALARM -> OK transition).", reasonFacts{Form: reasonBand, Negated: true, Crossed: 1, From: StateAlarm, To: StateOK,
		Datapoints: []Datapoint{dp("2023-09-08 15:36:00", 40.609605060341245, nil, f64(44.47595391472755))},
		Operator:   GreaterThanUpperThreshold, Upper: f64(44.47595391472755), EvaluationPeriods: 3, DatapointsToAlarm: intp(3)}},
	{"Threshold Crossed: 1 datapoint [1.0 (02/02/25 12:05:00)] was greater than or equal to the threshold (1.0).", reasonFacts{Form: reasonThreshold, Crossed: 1,
		Datapoints: []Datapoint{dp("2025-02-02 12:05:00", 1)},
		Operator:   GreaterThanOrEqualToThreshold, Threshold: f64(1)}},
}

// extraReasons are variants of the grammar seen outside the corpus
// (in AWS documentation and other projects' fixtures) or built to exercise
// one branch each.
var extraReasons = []struct {
	name   string
	reason string
	want   reasonFacts
}{
	{"R5 missing data, Breaching", "Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [Breaching].", reasonFacts{Form: reasonNoData, Missing: 1, MissingTreatedAs: TreatBreaching, Periods: 1}},
	{"R5 missing data, NonBreaching", "Threshold Crossed: no datapoints were received for 2 periods and 2 missing datapoints were treated as [NonBreaching].", reasonFacts{Form: reasonNoData, Missing: 2, MissingTreatedAs: TreatNotBreaching, Periods: 2}},
	{"R2 two datapoints, not greater", "Threshold Crossed: 2 datapoints [0.0 (09/01/23 14:02:00), 1.0 (09/01/23 14:01:00)] were not greater than the threshold (42.0).", reasonFacts{Form: reasonThreshold, Negated: true, Crossed: 2,
		Datapoints: []Datapoint{dp("2023-01-09 14:01:00", 1), dp("2023-01-09 14:02:00", 0)},
		Operator:   GreaterThanThreshold, Threshold: f64(42)}},
	{"less than or equal to", "Threshold Crossed: 1 datapoint [3.5 (31/12/25 23:59:59)] was less than or equal to the threshold (4.0).", reasonFacts{Form: reasonThreshold, Crossed: 1,
		Datapoints: []Datapoint{dp("2025-12-31 23:59:59", 3.5)},
		Operator:   LessThanOrEqualToThreshold, Threshold: f64(4)}},
	{"negative and exponent values", "Threshold Crossed: 2 datapoints [-1.5E-4 (01/01/24 00:01:00), -2.0 (01/01/24 00:00:00)] were less than the threshold (-1.0E-5).", reasonFacts{Form: reasonThreshold, Crossed: 2,
		Datapoints: []Datapoint{dp("2024-01-01 00:00:00", -2), dp("2024-01-01 00:01:00", -1.5e-4)},
		Operator:   LessThanThreshold, Threshold: f64(-1e-5)}},
	{"band, lower only", "Thresholds Crossed: 1 out of the last 1 datapoints [0.1 (03/10/19 15:58:00)] was less than the lower thresholds [0.2] (minimum 1 datapoint for OK -> ALARM transition).", reasonFacts{Form: reasonBand, Crossed: 1, From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2019-10-03 15:58:00", 0.1, f64(0.2), nil)},
		Operator:   LessThanLowerThreshold, Lower: f64(0.2), EvaluationPeriods: 1, DatapointsToAlarm: intp(1)}},
	{"band, one edge per datapoint", "Thresholds Crossed: 2 out of the last 2 datapoints [5.0 (03/10/19 15:59:00), 6.0 (03/10/19 15:58:00)] were greater than the upper thresholds [4.0, 4.5] (minimum 2 datapoints for OK -> ALARM transition).", reasonFacts{Form: reasonBand, Crossed: 2, From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2019-10-03 15:58:00", 6, nil, f64(4.5)), dp("2019-10-03 15:59:00", 5, nil, f64(4))},
		Operator:   GreaterThanUpperThreshold, Upper: f64(4), EvaluationPeriods: 2, DatapointsToAlarm: intp(2)}},
	{"band, fewer edges than datapoints", "Thresholds Crossed: 2 out of the last 2 datapoints [5.0 (03/10/19 15:59:00), 6.0 (03/10/19 15:58:00)] were greater than the upper thresholds [4.0] (minimum 2 datapoints for OK -> ALARM transition).", reasonFacts{Form: reasonBand, Crossed: 2, From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2019-10-03 15:58:00", 6), dp("2019-10-03 15:59:00", 5)},
		Operator:   GreaterThanUpperThreshold, Upper: f64(4), EvaluationPeriods: 2, DatapointsToAlarm: intp(2)}},
	{"M of N to OK", "Threshold Crossed: 1 out of the last 5 datapoints [1.0 (01/02/24 10:00:00)] was not greater than the threshold (2.0) (minimum 3 datapoints for ALARM -> OK transition).", reasonFacts{Form: reasonThreshold, Negated: true, Crossed: 1, From: StateAlarm, To: StateOK,
		Datapoints: []Datapoint{dp("2024-02-01 10:00:00", 1)},
		Operator:   GreaterThanThreshold, Threshold: f64(2), EvaluationPeriods: 5, DatapointsToAlarm: intp(3)}},
	{"minimum larger than N is dropped", "Threshold Crossed: 1 out of the last 2 datapoints [1.0 (01/02/24 10:00:00)] was greater than the threshold (0.0) (minimum 3 datapoints for OK -> ALARM transition).", reasonFacts{Form: reasonThreshold, Crossed: 1, From: StateOK, To: StateAlarm,
		Datapoints: []Datapoint{dp("2024-02-01 10:00:00", 1)},
		Operator:   GreaterThanThreshold, Threshold: f64(0), EvaluationPeriods: 2}},
	{"unknown target state is dropped", "Threshold Crossed: 1 out of the last 2 datapoints [1.0 (01/02/24 10:00:00)] was greater than the threshold (0.0) (minimum 1 datapoint for OK -> MAYBE transition).", reasonFacts{Form: reasonThreshold, Crossed: 1,
		Datapoints: []Datapoint{dp("2024-02-01 10:00:00", 1)},
		Operator:   GreaterThanThreshold, Threshold: f64(0), EvaluationPeriods: 2}},
	{"unknown tail is ignored", "Threshold Crossed: 1 datapoint [8.0 (05/07/24 15:19:00)] was greater than the threshold (5.0), which is new wording.", reasonFacts{Form: reasonThreshold, Crossed: 1,
		Datapoints: []Datapoint{dp("2024-07-05 15:19:00", 8)},
		Operator:   GreaterThanThreshold, Threshold: f64(5)}},
	{"NaN and Infinity", "Threshold Crossed: 1 datapoint [Infinity (05/07/24 15:19:00)] was greater than the threshold (5.0).", reasonFacts{Form: reasonThreshold, Crossed: 1,
		Datapoints: []Datapoint{dp("2024-07-05 15:19:00", math.Inf(1))},
		Operator:   GreaterThanThreshold, Threshold: f64(5)}},
	{"trailing newline", "Threshold Crossed: 1 datapoint [1.0 (05/07/24 15:19:00)] was greater than the threshold (5.0).\n", reasonFacts{Form: reasonThreshold, Crossed: 1,
		Datapoints: []Datapoint{dp("2024-07-05 15:19:00", 1)},
		Operator:   GreaterThanThreshold, Threshold: f64(5)}},
	{"empty datapoint list", "Threshold Crossed: 0 datapoints [] were greater than the threshold (5.0).", reasonFacts{Form: reasonThreshold,
		Operator: GreaterThanThreshold, Threshold: f64(5)}},
}

// garbageReasons must yield no facts: they break the grammar before the
// threshold is read.
var garbageReasons = []string{
	"",
	"Threshold Crossed",
	"Threshold Crossed: ",
	"Threshold Crossed: 1",
	"Threshold Crossed: 1 datapoint",
	"Threshold Crossed: 1 datapoint [",
	"Threshold Crossed: 1 datapoint [1.0",
	"Threshold Crossed: 1 datapoint [1.0 (",
	"Threshold Crossed: 1 datapoint [1.0 (05/07/24 15:19:00",
	"Threshold Crossed: 1 datapoint [1.0 (05/07/24 15:19:00)",
	"Threshold Crossed: 1 datapoint [1.0 (05/07/24 15:19:00)]",
	"Threshold Crossed: 1 datapoint [1.0 (05/07/24 15:19:00)] was greater than the threshold (",
	"Threshold Crossed: 1 datapoint [1.0 (05/07/24 15:19:00)] was greater than the threshold (5.0",
	"Threshold Crossed: 1 datapoint [1.0 (05/07/24 15:19:00)] was roughly the threshold (5.0).",
	"Threshold Crossed: 1 datapoint [x (05/07/24 15:19:00)] was greater than the threshold (5.0).",
	"Threshold Crossed: 1 datapoint [1.0 (07/05/2024 15:19:00)] was greater than the threshold (5.0).",
	"Threshold Crossed: 1 datapoint [1.0 (32/01/24 15:19:00)] was greater than the threshold (5.0).",
	"Threshold Crossed: 1 datapoint [1.0 (29/02/23 15:19:00)] was greater than the threshold (5.0).",
	"Threshold Crossed: 1 datapoint [1.0 (01/13/24 15:19:00)] was greater than the threshold (5.0).",
	"Threshold Crossed: 1 datapoint [1.0 (01/01/24 24:00:00)] was greater than the threshold (5.0).",
	"Threshold Crossed: 1 datapoint [1.0 (01-01-24 10:00:00)] was greater than the threshold (5.0).",
	"Threshold Crossed: 1 datapoint [1.0 (05/07/24 15:19:00) 2.0 (05/07/24 15:18:00)] was greater than the threshold (5.0).",
	"Threshold Crossed: 1 datapoint [1.0 (05/07/24 15:19:00)] was greater than the threshold (five).",
	"Threshold Crossed: 1 datapoint (1.0 was greater than the threshold (5.0).",
	"Threshold Crossed: 99999999999999999999 datapoints [1.0 (05/07/24 15:19:00)] was greater than the threshold (5.0).",
	"Thresholds Crossed: 1 out of the last 1 datapoints [0.1 (03/10/19 15:58:00)] was less than the lower thresholds [] or greater than the upper thresholds [0.3].",
	"Thresholds Crossed: 1 out of the last 1 datapoints [0.1 (03/10/19 15:58:00)] was less than the lower thresholds [0.2] or sideways.",
	"Thresholds Crossed: 1 out of the last 1 datapoints [0.1 (03/10/19 15:58:00)] was greater than the upper thresholds [0.2",
	"Thresholds Crossed: 1 out of the last x datapoints [0.1 (03/10/19 15:58:00)] was greater than the upper thresholds [0.2].",
	"threshold crossed: 1 datapoint [1.0 (05/07/24 15:19:00)] was greater than the threshold (5.0).",
	"Threshold Crossed: no datapoints were received for two periods.",
	"Threshold Crossed: 1 out of the last 2 datapoints were received for 2 periods.",
	"Insufficient Data: some datapoints were unknown.",
	"Insufficient Data: 1 datapoint was unknown, and more.",
	"Unchecked: Initial alarm creation, and more",
	"12 out of 5 time series evaluated to ALARM",
	"100+ time series evaluated to OK",
	"1 out of 2 time series evaluated to OK",
	"2 time series evaluated to MAYBE",
	"2 time series evaluated to ALARM, and more",
	"No time series were returned by the query, and more.",
	"No time series were returned by the query. Treat missing data is configured as [NonBreaching",
	"No time series were returned by the query. Treat missing data is configured as [NonBreaching]. And more.",
	"arn:aws:cloudwatch:us-east-1:1:alarm:x transitioned to MAYBE at Friday 22 July, 2022 15:57:45 UTC",
	"arn:aws:cloudwatch:us-east-1:1:alarm:x was created and its alarm rule evaluates to MAYBE",
	"No data was returned for this contributor",
	"\x00\xff[[[(((]]])))",
}

func TestParseReasonCorpus(t *testing.T) {
	for _, tt := range corpusReasons {
		t.Run(tt.reason, func(t *testing.T) {
			got := parseReason(tt.reason)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("parseReason(%q) mismatch (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestParseReasonVariants(t *testing.T) {
	for _, tt := range extraReasons {
		t.Run(tt.name, func(t *testing.T) {
			got := parseReason(tt.reason)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("parseReason(%q) mismatch (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestParseReasonGarbage(t *testing.T) {
	for _, reason := range garbageReasons {
		if got := parseReason(reason); !cmp.Equal(got, reasonFacts{}) {
			t.Errorf("parseReason(%q) = %+v; want no facts", reason, got)
		}
	}
}

// TestParseReasonNotShared checks that two results share no memory, since
// parseReason hands out pointers into a buffer of its own.
func TestParseReasonNotShared(t *testing.T) {
	const r = "Threshold Crossed: 2 datapoints [1.0 (01/01/24 00:01:00), 2.0 (01/01/24 00:00:00)] were greater than the threshold (0.5)."
	a, b := parseReason(r), parseReason(r)
	*a.Threshold, *a.Datapoints[0].Value = 9, 9
	if *b.Threshold != 0.5 || *b.Datapoints[0].Value != 2 || *a.Datapoints[1].Value != 1 {
		t.Errorf("results share memory: %v %v %v", *b.Threshold, *b.Datapoints[0].Value, *a.Datapoints[1].Value)
	}
}

func TestMinimumToDatapointsToAlarm(t *testing.T) {
	tests := []struct {
		x    int
		to   StateValue
		n    int
		want int
		ok   bool
	}{
		{1, StateAlarm, 20, 1, true},
		{3, StateAlarm, 3, 3, true},
		{3, StateAlarm, 0, 3, true},
		{4, StateAlarm, 3, 0, false},
		{1, StateOK, 3, 3, true},
		{3, StateOK, 5, 3, true},
		{5, StateOK, 5, 1, true},
		{6, StateOK, 5, 0, false},
		{1, StateOK, 0, 0, false},
		{0, StateAlarm, 1, 0, false},
		{1, StateInsufficientData, 1, 0, false},
	}
	for _, tt := range tests {
		got, ok := minimumToDatapointsToAlarm(tt.x, tt.to, tt.n)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("minimumToDatapointsToAlarm(%d, %s, %d) = %d, %v; want %d, %v", tt.x, tt.to, tt.n, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzParseReason(f *testing.F) {
	for _, tt := range corpusReasons {
		f.Add(tt.reason)
	}
	for _, tt := range extraReasons {
		f.Add(tt.reason)
	}
	for _, r := range garbageReasons {
		f.Add(r)
	}
	for _, tt := range formReasons {
		f.Add(tt.reason)
	}
	f.Fuzz(func(t *testing.T, reason string) {
		checkFacts(t, reason, parseReason(reason))
	})
}

// checkFacts fails t unless the facts read from reason hang together: the
// zero value for an unknown form, datapoints with values (never more than
// the reason's list items) only for a comparison, a threshold exactly for
// a static comparison, series counts only for their form.
func checkFacts(t *testing.T, reason string, got reasonFacts) {
	t.Helper()
	comparison := got.Form == reasonThreshold || got.Form == reasonBand
	switch {
	case got.Form == reasonUnknown && !cmp.Equal(got, reasonFacts{}):
		t.Fatalf("parseReason(%q) = %+v: facts of no form", reason, got)
	case !comparison && (got.Datapoints != nil || got.Operator != "" || got.Threshold != nil):
		t.Fatalf("parseReason(%q) = %+v: datapoints or a comparison outside a comparison form", reason, got)
	case comparison && got.Operator == "":
		t.Fatalf("parseReason(%q) = %+v: a comparison form without an operator", reason, got)
	case (got.Threshold != nil) != (got.Form == reasonThreshold):
		t.Fatalf("parseReason(%q): form %d with threshold %v", reason, got.Form, got.Threshold)
	case (got.Series != nil) != (got.Form == reasonSeries):
		t.Fatalf("parseReason(%q): form %d with series %+v", reason, got.Form, got.Series)
	case got.Series != nil && got.Series.Total > 0 && got.Series.InAlarm > got.Series.Total:
		t.Fatalf("parseReason(%q): %+v time series", reason, *got.Series)
	}
	if n := len(got.Datapoints); n > strings.Count(reason, ",")+1 {
		t.Fatalf("parseReason(%q) found %d datapoints", reason, n)
	}
	for i, d := range got.Datapoints {
		if d.Value == nil {
			t.Fatalf("parseReason(%q): datapoint %d has no value", reason, i)
		}
		if !d.Timestamp.IsZero() && d.Timestamp.Location() != time.UTC {
			t.Fatalf("parseReason(%q): datapoint %d not in UTC", reason, i)
		}
	}
}

func BenchmarkParseReason(b *testing.B) {
	for _, r := range []struct{ name, reason string }{
		{"long", "Threshold Crossed: 3 out of the last 3 datapoints [38.395433048854194 (26/01/22 13:24:00), 38.391752618786896 (26/01/22 13:19:00), 38.364239895660816 (26/01/22 13:14:00)] were not greater than or equal to the threshold (80.0) (minimum 1 datapoint for ALARM -> OK transition)."},
		{"short", "Threshold Crossed: 1 datapoint [8.0 (05/07/24 15:19:00)] was greater than or equal to the threshold (5.0)."},
		{"band", "Thresholds Crossed: 1 out of the last 1 datapoints [0.3647359623208398 (25/08/21 13:28:00)] was less than the lower thresholds [0.3745361004392295] or greater than the upper thresholds [0.42329814009957095] (minimum 1 datapoint for OK -> ALARM transition)."},
		{"composite", "arn:aws:cloudwatch:us-east-1:111122223333:alarm:CompositeDemo.FirstChild transitioned to ALARM at Friday 04 August, 2023 12:54:46 UTC"},
	} {
		b.Run(r.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				parseReason(r.reason)
			}
		})
	}
}
